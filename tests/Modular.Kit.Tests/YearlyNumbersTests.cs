using Marten;
using Modular.Kit.Steps;
using Modular.Testing;

namespace Modular.Kit.Tests;

/// <summary>Clerks registering at the same instant, on a real PostgreSQL: each gets a number of their own, none is lost.</summary>
public sealed class YearlyNumbersTests : IAsyncLifetime
{
    private DocumentStore _store = null!;

    public sealed class CaseCounter : IYearCounter
    {
        public string Id { get; set; } = "";

        public int Last { get; set; }
    }

    public sealed class NumberedCase
    {
        public Guid Id { get; set; }

        public string Number { get; set; } = "";
    }

    public async Task InitializeAsync()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("kit_numbers");
        _store = DocumentStore.For(options =>
        {
            options.Connection(connection);
            options.DatabaseSchemaName = "kit";
            options.Policies.AllDocumentsAreMultiTenanted();
            // As the kit asks of every counter: versioned, so two registrations cannot both take one number.
            options.Schema.For<CaseCounter>().UseOptimisticConcurrency(true);
        });
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("two", 2)]
    [InlineData("ten", 10)]
    public async Task Registrations_racing_at_the_same_instant_each_get_their_own_consecutive_number(string township, int clerks)
    {
        using var start = new Barrier(clerks);
        var registrations = Enumerable.Range(0, clerks).Select(_ => Task.Run(async () =>
        {
            await using var session = _store.LightweightSession(township);
            start.SignalAndWait();
            return await YearlyNumbers.SaveWithNextAsync<CaseCounter, string>(session, 2026, number =>
            {
                session.Store(new NumberedCase { Id = Guid.NewGuid(), Number = number });
                return number;
            }, CancellationToken.None);
        })).ToList();

        var numbers = await Task.WhenAll(registrations);

        var expected = Enumerable.Range(1, clerks).Select(i => $"2026-{i:D4}").ToList();
        Assert.Equal(expected, numbers.Order(StringComparer.Ordinal));
        await using var query = _store.QuerySession(township);
        Assert.Equal(expected, (await query.Query<NumberedCase>().Select(c => c.Number).ToListAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(clerks, (await query.LoadAsync<CaseCounter>("2026"))!.Last);
    }

    [Fact]
    public async Task Each_township_and_series_counts_on_its_own()
    {
        await using var session = _store.LightweightSession("series");

        var first = await YearlyNumbers.NextAsync<CaseCounter>(session, 2026, CancellationToken.None, series: "petition");
        var other = await YearlyNumbers.NextAsync<CaseCounter>(session, 2025, CancellationToken.None, series: "petition");
        await session.SaveChangesAsync();

        Assert.Equal(("2026-0001", "2025-0001"), (first, other));
        Assert.Equal("petition-2026", YearlyNumbers.Key(2026, "petition"));
    }
}
