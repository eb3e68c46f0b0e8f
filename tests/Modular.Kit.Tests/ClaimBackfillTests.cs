using Marten;
using Modular.Kit.Steps;
using Modular.Testing;

namespace Modular.Kit.Tests;

/// <summary>Claiming the keys of records saved before the claims existed: idempotent, and a duplicate from before is reported, not thrown.</summary>
public sealed class ClaimBackfillTests : IAsyncLifetime
{
    private DocumentStore _store = null!;

    public async Task InitializeAsync()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("kit_backfill");
        _store = DocumentStore.For(options =>
        {
            options.Connection(connection);
            options.DatabaseSchemaName = "kit";
            options.Policies.AllDocumentsAreMultiTenanted();
            UniqueKeys.Register(options);
        });
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    private static HeldKey Held(string value, string holder) => new(new UniqueKey("test.id-number", value), holder);

    [Fact]
    public async Task Missing_claims_are_made_once_and_a_second_run_finds_nothing_to_do()
    {
        await using var session = _store.LightweightSession("backfill-a");
        UniqueKeys.Claim(session, Held("already", "p0").Key, "p0");
        await session.SaveChangesAsync();

        var first = await ClaimBackfill.RunAsync(session, [Held("already", "p0"), Held("one", "p1"), Held("two", "p2")], CancellationToken.None);
        var second = await ClaimBackfill.RunAsync(session, [Held("already", "p0"), Held("one", "p1"), Held("two", "p2")], CancellationToken.None);

        Assert.Equal(2, first.Claimed);
        Assert.Empty(first.Conflicts);
        Assert.Equal(0, second.Claimed);
        Assert.Equal("p1", (await session.LoadAsync<UniqueKeyClaim>(Held("one", "p1").Key.Id))!.Holder);
    }

    [Fact]
    public async Task A_key_two_records_hold_is_claimed_for_the_first_and_reported_with_both_holders()
    {
        await using var session = _store.LightweightSession("backfill-b");
        UniqueKeys.Claim(session, Held("claimed", "p9").Key, "p9");
        await session.SaveChangesAsync();

        var outcome = await ClaimBackfill.RunAsync(session, [Held("twice", "p1"), Held("twice", "p2"), Held("claimed", "p3")], CancellationToken.None);

        Assert.Equal(1, outcome.Claimed);
        Assert.Equal(["p1", "p2"], outcome.Conflicts.Single(c => c.KeyId == Held("twice", "").Key.Id).Holders);
        Assert.Equal(["p9", "p3"], outcome.Conflicts.Single(c => c.KeyId == Held("claimed", "").Key.Id).Holders);
        Assert.Equal("p1", (await session.LoadAsync<UniqueKeyClaim>(Held("twice", "p1").Key.Id))!.Holder);
    }

    [Fact]
    public async Task A_key_a_newer_record_claimed_stays_with_it_and_the_older_holder_is_reported()
    {
        await using var session = _store.LightweightSession("backfill-c");
        UniqueKeys.Claim(session, Held("raced", "new").Key, "new");
        await session.SaveChangesAsync();

        var outcome = await ClaimBackfill.RunAsync(session, [Held("raced", "old"), Held("free", "p1")], CancellationToken.None);

        Assert.Equal(1, outcome.Claimed);
        Assert.Equal(["new", "old"], Assert.Single(outcome.Conflicts).Holders);
        Assert.Equal("new", (await session.LoadAsync<UniqueKeyClaim>(Held("raced", "").Key.Id))!.Holder);
    }
}
