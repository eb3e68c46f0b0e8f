using Modular.Contracts.Modules;

namespace Modular.Contracts.Extensions;

/// <summary>A figure on the township's home page, such as "调解案件 12".</summary>
/// <param name="Link">Where the figure comes from, relative to the township root (<c>mediation/disputes?status=open</c>).</param>
/// <param name="Attention">True when the figure needs someone's attention (overdue items), shown highlighted.</param>
public sealed record DashboardFigure(LocalizedText Label, string Value, string? Link = null, bool Attention = false);

/// <summary>Gives the current township's dashboard figures. Called only when the module is enabled there.</summary>
public interface IDashboardFigures
{
    Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken);
}
