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
            UniqueKeys.Register(options);
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

    private async Task<string> RegisterAsync(string township, int year = 2026, UniqueKey? claim = null)
    {
        await using var session = _store.LightweightSession(township);
        return await YearlyNumbers.SaveWithNextAsync<CaseCounter, string>(session, year, number =>
        {
            var registered = new NumberedCase { Id = Guid.NewGuid(), Number = number };
            session.Store(registered);
            if (claim is { } key)
            {
                UniqueKeys.Claim(session, key, registered.Id.ToString());
            }

            return number;
        }, CancellationToken.None);
    }

    private async Task<List<string>> SavedAsync(string township)
    {
        await using var query = _store.QuerySession(township);
        return [.. (await query.Query<NumberedCase>().Select(c => c.Number).ToListAsync()).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The benchmark's load (16 clerks posting back to back on one township) on the counter alone: the versioned
    /// counter retried 8 times lost about one registration in ten here; under the series' lock none is refused.
    /// </summary>
    [Fact]
    public async Task Sixteen_clerks_registering_back_to_back_on_one_township_all_succeed_with_distinct_consecutive_numbers()
    {
        const int clerks = 16, each = 10;

        var numbers = (await Races.AtOnceAsync(clerks, async _ =>
        {
            var mine = new List<string>();
            for (var i = 0; i < each; i++)
            {
                mine.Add(await RegisterAsync("sixteen"));
            }

            return mine;
        })).SelectMany(n => n).Order(StringComparer.Ordinal).ToList();

        var expected = Enumerable.Range(1, clerks * each).Select(i => $"2026-{i:D4}").ToList();
        Assert.Equal(expected, numbers);
        Assert.Equal(expected, await SavedAsync("sixteen"));
        await using var query = _store.QuerySession("sixteen");
        Assert.Equal(clerks * each, (await query.LoadAsync<CaseCounter>("2026"))!.Last);
    }

    [Fact]
    public async Task A_registration_refused_at_its_save_gives_its_number_back_so_the_year_has_no_gap()
    {
        var key = new UniqueKey("test.case", "held-once");
        Assert.Equal("2026-0001", await RegisterAsync("gapless", claim: key));

        await Assert.ThrowsAnyAsync<Exception>(() => RegisterAsync("gapless", claim: key));

        Assert.Equal("2026-0002", await RegisterAsync("gapless"));
        Assert.Equal(["2026-0001", "2026-0002"], await SavedAsync("gapless"));
    }

    [Fact]
    public async Task An_import_and_registrations_at_the_same_moment_all_go_through_without_sharing_a_number()
    {
        var import = Task.Run(async () =>
        {
            await using var session = _store.LightweightSession("importing");
            var batch = new YearlyNumberBatch<CaseCounter>(session);
            for (var i = 0; i < 40; i++)
            {
                var year = i % 2 == 0 ? 2026 : 2025;
                session.Store(new NumberedCase { Id = Guid.NewGuid(), Number = await batch.NextAsync(year, CancellationToken.None) });
            }

            batch.Stage();
            await session.SaveChangesAsync();
        });
        var registrations = Races.AtOnceAsync(8, _ => RegisterAsync("importing"));

        await Task.WhenAll(import, registrations);

        var saved = await SavedAsync("importing");
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"2025-{i:D4}"), saved.Where(n => n.StartsWith("2025-", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(1, 28).Select(i => $"2026-{i:D4}"), saved.Where(n => n.StartsWith("2026-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_number_taken_meanwhile_by_a_writer_that_does_not_lock_makes_the_registration_draw_again()
    {
        var attempts = 0;
        await using var session = _store.LightweightSession("unlocked");

        var number = await YearlyNumbers.SaveWithNextAsync<CaseCounter, string>(session, 2026, number =>
        {
            if (++attempts == 1)
            {
                // An event handler numbering in its own unit of work, as the relay does: no lock, only the version.
                using var handler = _store.LightweightSession("unlocked");
                IDocumentOperations operations = handler;
                var taken = YearlyNumbers.NextAsync<CaseCounter>(operations, 2026, CancellationToken.None).GetAwaiter().GetResult();
                handler.Store(new NumberedCase { Id = Guid.NewGuid(), Number = taken });
                handler.SaveChangesAsync().GetAwaiter().GetResult();
            }

            session.Store(new NumberedCase { Id = Guid.NewGuid(), Number = number });
            return number;
        }, CancellationToken.None);

        Assert.Equal((2, "2026-0002"), (attempts, number));
        Assert.Equal(["2026-0001", "2026-0002"], await SavedAsync("unlocked"));
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
