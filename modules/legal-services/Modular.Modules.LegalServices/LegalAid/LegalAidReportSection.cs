using Modular.Kit;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>
/// The legal-aid part of the annual report's chapter "健全矛盾纠纷多元化解机制": applications relayed by the station,
/// granted and refused, by matter type, each figure linked to the register it was counted from.
/// </summary>
internal sealed class LegalAidReportSection(LegalAidFigures figures) : IAnnualReportSections
{
    public async Task<IReadOnlyList<AnnualReportSection>> GetSectionsAsync(int year, CancellationToken cancellationToken)
    {
        var f = await figures.ForYearAsync(year, cancellationToken);
        var register = $"legal-services/legal-aid?from={year}-01-01&to={year}-12-31";
        return
        [
            new(AnnualReportChapters.DisputeResolution, new("法律援助", "Legal aid"),
                [Paragraph(year, f)],
                [
                    new(new("受理法律援助申请", "Legal-aid applications"), LegalAidFigures.Count(f.Applications), register),
                    new(new("转交法律援助机构", "Forwarded to the agency"), LegalAidFigures.Count(f.Forwarded), register),
                    new(new("决定给予法律援助", "Granted"), LegalAidFigures.Count(f.Granted), register),
                    new(new("决定不予法律援助", "Refused"), LegalAidFigures.Count(f.Refused), register),
                    new(new("先行提供法律援助", "Provisional aid"), LegalAidFigures.Count(f.Provisional), register),
                    new(new("结案", "Closed"), LegalAidFigures.Count(f.Closed), register),
                    .. f.ByMatter.Select(m => new ReportFigure(new(m.Label, m.Label), LegalAidFigures.Count(m.Applications), register)),
                ]),
        ];
    }

    private static string Paragraph(int year, LegalAidFigureSet f)
    {
        if (f.Applications == 0 && f.Granted == 0)
        {
            return $"{year}年，本镇公共法律服务工作站未受理法律援助申请。";
        }

        var matters = string.Join("，", f.ByMatter.Where(m => m.Applications > 0).Select(m => $"{m.Label}{m.Applications}件"));
        var text = $"{year}年，本镇公共法律服务工作站就近受理法律援助申请{f.Applications}件，转交县法律援助机构{f.Forwarded}件，" +
            $"法律援助机构决定给予法律援助{f.Granted}件、不予法律援助{f.Refused}件";
        if (f.Provisional > 0)
        {
            text += $"，先行提供法律援助{f.Provisional}件";
        }

        text += $"，结案{f.Closed}件";
        if (f.Terminated > 0)
        {
            text += $"，终止法律援助{f.Terminated}件";
        }

        return text + (matters.Length > 0 ? $"；按申请事项分：{matters}。" : "。");
    }
}
