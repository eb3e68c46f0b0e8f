using Modular.Kit;

namespace Modular.Modules.Notebook.Matters;

/// <summary>
/// The module's section of the township's annual rule-of-law work report (法治政府建设年度报告): the year's figures written
/// into the paragraph the report needs, each figure linked to the ledger it was counted from. Every township module
/// needs one, since the report is what its records are kept for. TODO: the chapter, and the township summary's wording.
/// </summary>
internal sealed class MatterReportSection(MatterFigures figures) : IAnnualReportSections
{
    public async Task<IReadOnlyList<AnnualReportSection>> GetSectionsAsync(int year, CancellationToken cancellationToken)
    {
        var f = await figures.ForAsync(Period.Year(year), cancellationToken);
        return
        [
            new(AnnualReportChapters.FunctionsByLaw, new("记事本", "Notebook"),
                [$"{year}年登记事项{f.Recorded}件，办结{f.Closed}件，当年登记的事项中尚在办理{f.StillOpen}件。"],
                [
                    new(new("登记事项", "Matters recorded"), MatterFigures.Count(f.Recorded), "notebook/matters"),
                    new(new("办结事项", "Matters closed"), MatterFigures.Count(f.Closed), "notebook/matters"),
                    new(new("尚在办理", "Still open"), MatterFigures.Count(f.StillOpen), "notebook/matters"),
                ]),
        ];
    }
}
