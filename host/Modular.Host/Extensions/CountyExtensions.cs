using Modular.Contracts.Extensions;
using Modular.Host.Plugins;
using Modular.Host.Townships;

namespace Modular.Host.Extensions;

/// <summary>A module's figures for a county's townships, with the module they came from.</summary>
public sealed record ModuleCountyFigures(LoadedModule Module, IReadOnlyList<CountyFigure> Figures);

/// <summary>
/// Asks every loaded module for its county figures of a year, once per module (never once per township): each is
/// given the townships of the county where it is enabled, and answers for all of them together.
/// </summary>
internal sealed class CountyExtensions(ModuleCatalog catalog, IServiceProvider services, ILogger<CountyExtensions> log)
{
    public async Task<IReadOnlyList<ModuleCountyFigures>> FiguresAsync(IReadOnlyList<TownshipRecord> townships, int year, CancellationToken cancellationToken)
    {
        var result = new List<ModuleCountyFigures>();
        foreach (var module in catalog.Modules)
        {
            var enabled = townships.Where(t => t.IsEnabled(module.Id)).Select(t => t.Slug).ToList();
            if (enabled.Count == 0)
            {
                continue;
            }

            var figures = new List<CountyFigure>();
            foreach (var source in services.GetKeyedServices<ICountyFigures>(module.Id))
            {
                try
                {
                    figures.AddRange(await source.GetAsync(enabled, year, cancellationToken));
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // One module's fault must not take the county's page down with it: its columns are left out.
                    log.LogError(error, "Module {ModuleId} failed to answer {ExtensionPoint}", module.Id, nameof(ICountyFigures));
                }
            }

            if (figures.Count > 0)
            {
                result.Add(new ModuleCountyFigures(module, figures));
            }
        }

        return result;
    }
}
