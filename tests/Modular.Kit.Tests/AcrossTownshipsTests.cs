using Marten;
using Modular.Kit.Records;
using Modular.Testing;

namespace Modular.Kit.Tests;

/// <summary>A county's records read in one statement, each with its township, on a real PostgreSQL.</summary>
public sealed class AcrossTownshipsTests : IAsyncLifetime
{
    private DocumentStore _store = null!;

    public sealed class Case
    {
        public Guid Id { get; set; }

        public int Year { get; set; }
    }

    public async Task InitializeAsync()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("kit_county");
        _store = DocumentStore.For(options =>
        {
            options.Connection(connection);
            options.DatabaseSchemaName = "kit";
            options.Policies.AllDocumentsAreMultiTenanted();
        });
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        foreach (var (township, years) in new[] { ("a", new[] { 2020, 2020, 2021 }), ("b", [2020]), ("c", [2020, 2020, 2020]) })
        {
            await using var session = _store.LightweightSession(township);
            foreach (var year in years)
            {
                session.Store(new Case { Id = Guid.NewGuid(), Year = year });
            }

            await session.SaveChangesAsync();
        }
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Each_township_named_gets_its_own_records_and_no_other_townships()
    {
        await using var session = _store.QuerySession();
        var found = await session.QueryAsync<Case>(["a", "b", "empty"], c => c.Year == 2020, CancellationToken.None);

        Assert.Equal(["a", "b", "empty"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, found["a"].Count);
        Assert.Single(found["b"]);
        Assert.Empty(found["empty"]);
        Assert.All(found.Values.SelectMany(v => v), c => Assert.Equal(2020, c.Year));
    }

    [Fact]
    public async Task Without_a_filter_every_record_of_each_township_comes()
    {
        await using var session = _store.QuerySession();
        var found = await session.QueryAsync<Case>(["a", "c"], CancellationToken.None);

        Assert.Equal(3, found["a"].Count);
        Assert.Equal(3, found["c"].Count);
        Assert.Equal(2, found.Count);
    }

    [Fact]
    public async Task No_townships_asks_nothing()
    {
        await using var session = _store.QuerySession();
        Assert.Empty(await session.QueryAsync<Case>([], c => c.Year == 2020, CancellationToken.None));
    }

    [Fact]
    public void A_query_shape_it_does_not_know_is_refused_loudly()
    {
        Assert.Throws<InvalidOperationException>(() => AcrossTownships.WithTenantColumn("select count(*) as number from kit.mt_doc_case as d"));
        Assert.StartsWith("select d.tenant_id, d.data from kit.mt_doc", AcrossTownships.WithTenantColumn("select d.id, d.data from kit.mt_doc_case as d where d.tenant_id = ANY(:p0)"), StringComparison.Ordinal);
    }
}
