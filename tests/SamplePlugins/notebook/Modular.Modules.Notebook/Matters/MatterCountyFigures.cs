using Modular.Kit;
using Modular.Kit.Records;

namespace Modular.Modules.Notebook.Matters;

/// <summary>
/// The county's view of the module's figures (<see cref="ICountyFigures"/>): the year's matters recorded and closed in
/// every township of a county at once. One query per figure across the townships' tenants (the kit's
/// <see cref="AcrossTownships"/>), never one per township, counted as the annual report counts them; numbers only,
/// never a matter or a phone number.
/// </summary>
internal sealed class MatterCountyFigures(IQuerySession session) : ICountyFigures
{
    public async Task<IReadOnlyList<CountyFigure>> GetAsync(IReadOnlyCollection<string> townships, int year, CancellationToken cancellationToken)
    {
        var (from, to) = Period.Year(year);
        var recorded = await session.QueryAsync<Matter>(townships, m => m.OpenedOn >= from && m.OpenedOn <= to, cancellationToken);
        var closed = await session.QueryAsync<Matter>(townships, m => m.ClosedOn >= from && m.ClosedOn <= to, cancellationToken);
        return
        [
            new("recorded", new("登记事项", "Matters recorded"), recorded.ToDictionary(t => t.Key, t => (decimal)t.Value.Count)),
            new("closed", new("办结事项", "Matters closed"), closed.ToDictionary(t => t.Key, t => (decimal)t.Value.Count)),
        ];
    }
}
