using Marten;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Testing;

namespace Modular.Kit.Tests;

/// <summary>Keys claimed at the same instant, on a real PostgreSQL: the database lets one holder win, and the losers' work is refused whole.</summary>
public sealed class UniqueKeysTests : IAsyncLifetime
{
    private DocumentStore _store = null!;

    public sealed class Person
    {
        public Guid Id { get; set; }

        public string IdNumber { get; set; } = "";
    }

    public sealed class PersonCounter : IRecordCounter
    {
        public string Id { get; set; } = "";

        public int Last { get; set; }
    }

    public async Task InitializeAsync()
    {
        var connection = await TestDatabase.CreateDatabaseAsync("kit_keys");
        _store = DocumentStore.For(options =>
        {
            options.Connection(connection);
            options.DatabaseSchemaName = "kit";
            options.Policies.AllDocumentsAreMultiTenanted();
            options.Schema.For<PersonCounter>().UseOptimisticConcurrency(true);
            UniqueKeys.Register(options);
        });
        await _store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    private static UniqueKey Key(string idNumber) => new("test.id-number", idNumber);

    private static KeyRefusal Refusal(string idNumber) => new(Key(idNumber), "idNumber", "已登记", "Already registered.");

    /// <summary>Registers one person holding <paramref name="idNumber"/>, numbered through the kit's counter as records are.</summary>
    private async Task<bool> RegisterAsync(string township, string idNumber, Barrier? start = null)
    {
        await using var session = _store.LightweightSession(township);
        start?.SignalAndWait();
        try
        {
            var person = new Person { Id = Guid.NewGuid(), IdNumber = idNumber };
            await UniqueKeys.RefusingClashesAsync(() => RecordNumbers.SaveWithNextAsync<PersonCounter, Guid>(session, "people", n => n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), _ =>
            {
                session.Store(person);
                UniqueKeys.Claim(session, Key(idNumber), person.Id.ToString());
                return person.Id;
            }, CancellationToken.None), [Refusal(idNumber)]);
            return true;
        }
        catch (InputRejectedException refused) when (refused.Errors.ContainsKey("idNumber"))
        {
            return false;
        }
    }

    [Fact]
    public async Task Of_eight_registrations_of_one_id_number_at_the_same_instant_exactly_one_is_accepted_in_each_of_twenty_rounds()
    {
        for (var round = 0; round < 20; round++)
        {
            var idNumber = $"round-{round}";
            using var start = new Barrier(8);
            var accepted = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => RegisterAsync("racing", idNumber, start))));

            Assert.Equal(1, accepted.Count(a => a));
            await using var query = _store.QuerySession("racing");
            Assert.Equal(1, await query.Query<Person>().CountAsync(p => p.IdNumber == idNumber));
        }
    }

    [Fact]
    public async Task A_released_key_can_be_claimed_again_and_each_township_holds_its_own_keys()
    {
        Assert.True(await RegisterAsync("north", "A1"));
        Assert.False(await RegisterAsync("north", "A1"));
        Assert.True(await RegisterAsync("south", "A1"));

        await using (var session = _store.LightweightSession("north"))
        {
            UniqueKeys.Release(session, Key("A1"));
            UniqueKeys.Release(session, Key("never-claimed"));
            await session.SaveChangesAsync();
        }

        Assert.True(await RegisterAsync("north", "A1"));
    }

    [Fact]
    public void The_claim_does_not_hold_the_value_in_clear()
    {
        var key = Key("520527197001011234");

        Assert.StartsWith("test.id-number:", key.Id, StringComparison.Ordinal);
        Assert.DoesNotContain("520527197001011234", key.Id, StringComparison.Ordinal);
        Assert.Equal(key.Id, Key("520527197001011234").Id);
    }
}
