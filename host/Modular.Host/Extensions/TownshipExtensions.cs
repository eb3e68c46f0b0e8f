using Modular.Contracts.Extensions;
using Modular.Contracts.Time;
using Modular.Host.Plugins;
using Modular.Host.Townships;

namespace Modular.Host.Extensions;

/// <summary>A due item with the module it came from and where it stands today.</summary>
public sealed record DueItemView(string ModuleId, DueItem Item, bool Overdue, int WorkingDaysLeft);

public sealed record ModuleFigures(LoadedModule Module, IReadOnlyList<DashboardFigure> Figures);

/// <summary>Asks every module enabled in the current township for its figures, due items and report sections.</summary>
internal sealed class TownshipExtensions(TownshipContext township, ModuleCatalog catalog, IServiceProvider services, IStatutoryClock clock, ILogger<TownshipExtensions> log)
{
    /// <summary>Items are "due soon" within this many working days.</summary>
    public const int DueSoonWorkingDays = 5;

    public IReadOnlyList<LoadedModule> EnabledModules =>
        township.Record is { } record ? catalog.Modules.Where(m => record.IsEnabled(m.Id)).ToList() : [];

    public async Task<IReadOnlyList<ModuleFigures>> DashboardAsync(CancellationToken cancellationToken)
    {
        // A module gives its figures from each of its areas: the home page shows them under the module's one heading.
        var result = new List<(LoadedModule Module, List<DashboardFigure> Figures)>();
        foreach (var (module, source) in Sources<IDashboardFigures>())
        {
            var figures = await Guarded(module, () => source.GetFiguresAsync(cancellationToken), []);
            if (result.FindIndex(m => m.Module.Id == module.Id) is var at and >= 0)
            {
                result[at].Figures.AddRange(figures);
            }
            else
            {
                result.Add((module, [.. figures]));
            }
        }

        return [.. result.Select(m => new ModuleFigures(m.Module, m.Figures))];
    }

    public async Task<IReadOnlyList<DueItemView>> DueItemsAsync(CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var horizon = clock.Deadline(today, StatutoryPeriod.WorkingDays(DueSoonWorkingDays)).Date;
        var result = new List<DueItemView>();
        var sources = Sources<IDeadlineSource>().Select(s => (s.Module.Id, s.Source)).Concat(PlatformDeadlines());
        foreach (var (sourceId, source) in sources)
        {
            foreach (var item in await Guarded(sourceId, () => source.GetDueItemsAsync(horizon, cancellationToken), []))
            {
                result.Add(new DueItemView(sourceId, item, item.DueOn < today, item.DueOn < today ? -clock.WorkingDaysBetween(item.DueOn, today) : clock.WorkingDaysBetween(today, item.DueOn)));
            }
        }

        return result.OrderBy(i => i.Item.DueOn).ThenBy(i => i.ModuleId, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<AnnualReportSection>> AnnualReportAsync(int year, CancellationToken cancellationToken) =>
        [.. (await AnnualReportByModuleAsync(year, cancellationToken)).Select(s => s.Section)];

    /// <summary>The enabled modules' sections for the year, each with the module that drafted it, in the chapters' order.</summary>
    public async Task<IReadOnlyList<(string ModuleId, AnnualReportSection Section)>> AnnualReportByModuleAsync(int year, CancellationToken cancellationToken)
    {
        var result = new List<(string ModuleId, AnnualReportSection Section)>();
        foreach (var (module, source) in Sources<IAnnualReportSections>())
        {
            result.AddRange((await Guarded(module, () => source.GetSectionsAsync(year, cancellationToken), [])).Select(s => (module.Id, s)));
        }

        return [.. result.OrderBy(s => s.Section.Chapter, StringComparer.Ordinal)];
    }

    /// <summary>Due items of the host's own work (the annual report), beside the modules'.</summary>
    private IEnumerable<(string Source, IDeadlineSource Deadlines)> PlatformDeadlines() =>
        services.GetKeyedServices<IDeadlineSource>(PlatformDeadlineKey).Select(s => (PlatformDeadlineKey, s));

    /// <summary>The key the host's own due-list sources are registered under (never a module id: those have no dots).</summary>
    public const string PlatformDeadlineKey = "platform.annual-report";

    private IEnumerable<(LoadedModule Module, T Source)> Sources<T>() where T : notnull =>
        EnabledModules.SelectMany(m => services.GetKeyedServices<T>(m.Id).Select(s => (m, s)));

    // One module's fault must not take the township's home page down with it.
    private Task<IReadOnlyList<T>> Guarded<T>(LoadedModule module, Func<Task<IReadOnlyList<T>>> call, IReadOnlyList<T> fallback) =>
        Guarded(module.Id, call, fallback);

    private async Task<IReadOnlyList<T>> Guarded<T>(string moduleId, Func<Task<IReadOnlyList<T>>> call, IReadOnlyList<T> fallback)
    {
        try
        {
            return await call();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            log.LogError(error, "Module {ModuleId} failed to answer {ExtensionPoint}", moduleId, typeof(T).Name);
            return fallback;
        }
    }
}
