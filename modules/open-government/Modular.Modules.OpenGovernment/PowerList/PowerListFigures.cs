using System.Globalization;
using Marten;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;
using Modular.Contracts.Time;

namespace Modular.Modules.OpenGovernment.PowerList;

/// <summary>The township home's figure: how many items are in force today.</summary>
internal sealed class PowerListFigures(IQuerySession session, IStatutoryClock clock) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var count = (await PowerListQueries.InForceAsync(session, clock.Today, cancellationToken)).Count;
        return [new DashboardFigure(new LocalizedText("权责事项", "Powers in force"), count.ToString(CultureInfo.InvariantCulture), "open-government/power-list")];
    }
}

/// <summary>
/// The annual rule-of-law report's chapter on performing functions by law: the list as it stood on 31 December,
/// counted by category, with the list of that date behind the figure.
/// </summary>
internal sealed class PowerListReport(IQuerySession session) : IAnnualReportSections
{
    public async Task<IReadOnlyList<AnnualReportSection>> GetSectionsAsync(int year, CancellationToken cancellationToken)
    {
        if (year is < 1949 or > 2999)
        {
            return [];
        }

        var yearEnd = new DateOnly(year, 12, 31);
        var versions = await PowerListQueries.InForceAsync(session, yearEnd, cancellationToken);
        var counts = PowerListQueries.Counts(versions);
        var parts = string.Join("、", PowerItemRules.Categories.Select(c => $"{(c == "其他" ? "其他类别" : c)}{counts[c]}项"));
        var paragraph = versions.Count == 0
            ? $"截至{year}年12月31日，本镇权责清单尚未录入本平台。"
            : $"截至{year}年12月31日，本镇权责清单共有事项{versions.Count}项，其中{parts}。";
        var link = $"open-government/power-list?asOf={year}-12-31";
        return
        [
            new AnnualReportSection(AnnualReportChapters.FunctionsByLaw, new LocalizedText("权责清单", "The power list"),
                [paragraph],
                [new ReportFigure(new LocalizedText($"{year}年12月31日权责清单事项", $"Power-list items on 31 December {year}"), versions.Count.ToString(CultureInfo.InvariantCulture), link)]),
        ];
    }
}
