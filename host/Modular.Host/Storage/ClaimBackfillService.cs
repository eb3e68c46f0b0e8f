using Marten;
using Modular.Host.Plugins;
using Modular.Host.Townships;
using Modular.Kit.Steps;

namespace Modular.Host.Storage;

/// <summary>
/// At start-up, claims the keys of records saved before their keys were claimed (<see cref="ClaimBackfill"/>): the
/// townships' codes on the platform, then in every township what each enabled module's <see cref="IHeldKeys"/> lists
/// (the household ledger's 户号 and ID numbers). Idempotent, so it runs at every start and finds nothing to do once
/// done. A key two records hold is logged once per start for a person to settle; nothing here stops the host.
/// </summary>
internal sealed class ClaimBackfillService(IServiceProvider services, ModuleCatalog catalog, IConfiguration configuration, ILogger<ClaimBackfillService> log) : IHostedService
{
    /// <summary>Townships backfilled at once: a few connections of the pool, never all of it.</summary>
    private const int Parallelism = 4;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // One host at a time: two backfilling together would both insert the same missing claim.
        await using var startup = await StartupLock.AcquireAsync(configuration, cancellationToken);
        IReadOnlyList<TownshipRecord> townships;
        try
        {
            await using var scope = services.CreateAsyncScope();
            await using var session = scope.ServiceProvider.GetRequiredService<PlatformSessions>().Open();
            townships = await session.Query<TownshipRecord>().ToListAsync(cancellationToken);
            var codes = townships.Select(t => new HeldKey(TownshipAdministration.CodeKey(t.Code), t.Slug)).ToList();
            Report("platform", "platform", await ClaimBackfill.RunAsync(session, codes, cancellationToken));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            log.LogError(error, "Could not claim the townships' codes at start-up; registration still checks them");
            return;
        }

        // Townships side by side, a few at a time: each is its own tenant with claims of its own, and most of a township's
        // turn is waiting on its queries. One after the other, the start grew by a round trip per township and module.
        await Parallel.ForEachAsync(townships, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            (township, ct) => new ValueTask(BackfillAsync(township, ct)));
    }

    private async Task BackfillAsync(TownshipRecord township, CancellationToken cancellationToken)
    {
        foreach (var module in catalog.Modules.Where(m => township.IsEnabled(m.Id)))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TownshipContext>().Set(township); // before the sources open their sessions
                var held = new List<HeldKey>();
                foreach (var source in scope.ServiceProvider.GetKeyedServices<IHeldKeys>(module.Id))
                {
                    held.AddRange(await source.HeldAsync(cancellationToken));
                }

                if (held.Count > 0)
                {
                    Report(township.Slug, module.Id, await ClaimBackfill.RunAsync(scope.ServiceProvider.GetRequiredService<IDocumentSession>(), held, cancellationToken));
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                log.LogError(error, "Module {ModuleId} could not claim the keys of its records in {Township} at start-up", module.Id, township.Slug);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Report(string township, string module, BackfillOutcome outcome)
    {
        if (outcome.Claimed > 0)
        {
            log.LogInformation("Claimed {Claimed} keys of records saved before their claims in {Township} ({ModuleId})", outcome.Claimed, township, module);
        }

        // The key is named by its hash and its holders by id: the log never holds an ID number.
        foreach (var conflict in outcome.Conflicts)
        {
            log.LogWarning("Key held by {Count} records in {Township} ({ModuleId}): {Scope} {KeyId}, holders {Holders}; the first keeps it, settle the others by hand",
                conflict.Holders.Count, township, module, conflict.Scope, conflict.KeyId, string.Join(", ", conflict.Holders));
        }
    }
}
