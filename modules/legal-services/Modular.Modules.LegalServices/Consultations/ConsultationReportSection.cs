using System.Globalization;
using Modular.Contracts.Extensions;
using Modular.Kit;

namespace Modular.Modules.LegalServices.Consultations;

/// <summary>
/// The annual report's consultation part, in chapter five ("健全矛盾纠纷多元化解机制", whose first point is the public legal
/// service centre and its one-stop, many-window service): the year's consultations by channel, topic and outcome,
/// each figure linked to the register it was counted from.
/// </summary>
internal sealed class ConsultationReportSection(ConsultationFigures figures) : IAnnualReportSections
{
    public async Task<IReadOnlyList<AnnualReportSection>> GetSectionsAsync(int year, CancellationToken cancellationToken)
    {
        var f = await figures.ForPeriodAsync(Period.Year(year), cancellationToken);
        var register = $"legal-services/consultations?from={year}-01-01&to={year}-12-31";
        return
        [
            new(AnnualReportChapters.DisputeResolution, new("法律咨询与一站式受理", "Consultations and one-stop intake"),
                [Paragraph(year, f)],
                [
                    new(new("接待法律咨询", "Consultations received"), Count(f.Received), register),
                    .. f.ByChannel.Where(c => c.Count > 0).Select(c => new ReportFigure(new(c.Label, c.Key), Count(c.Count), c.Link)),
                    .. f.ByOutcome.Where(c => c.Count > 0).Select(c => new ReportFigure(new(c.Label, c.Key), Count(c.Count), c.Link)),
                    .. f.ByWindow.Where(c => c.Count > 0).Select(c => new ReportFigure(new($"转{c.Label}", c.Key), Count(c.Count), c.Link)),
                ]),
        ];
    }

    private static string Paragraph(int year, ConsultationFigureSet f)
    {
        if (f.Received == 0)
        {
            return $"{year}年，公共法律服务工作站未登记法律咨询。";
        }

        static string List(IEnumerable<ConsultationCount> counts, string unit) => string.Join("、", counts.Where(c => c.Count > 0).Select(c => $"{c.Label}{c.Count}{unit}"));
        var answered = f.ByOutcome.Where(c => c.Key is "Answered").Sum(c => c.Count);
        var opinions = f.ByOutcome.Where(c => c.Key is "OpinionGiven").Sum(c => c.Count);
        var routed = f.ByWindow.Sum(c => c.Count);
        var text = $"{year}年，公共法律服务工作站按照“一站式组合，多窗口服务”的理念，接待群众法律咨询{f.Received}件（{List(f.ByChannel, "件")}），" +
            $"涉及{List(f.ByTopic, "件")}；当场或及时解答{answered}件，出具书面意见{opinions}件，转相关窗口办理{routed}件";
        if (routed > 0)
        {
            text += $"（{List(f.ByWindow, "件")}）";
        }

        return f.Open > 0 ? text + $"，尚在办理{f.Open}件。" : text + "。";
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
