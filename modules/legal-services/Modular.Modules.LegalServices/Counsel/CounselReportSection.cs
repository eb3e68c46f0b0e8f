using Modular.Kit;

namespace Modular.Modules.LegalServices.Counsel;

/// <summary>
/// The annual report's chapter "推进行政决策科学化、民主化、法治化": counsel's meetings, opinions, documents and cases,
/// and the gate's refusals, each figure linked to the list it was counted from.
/// </summary>
internal sealed class CounselReportSection(CounselFigures figures, CounselQueries queries) : IAnnualReportSections
{
    public async Task<IReadOnlyList<AnnualReportSection>> GetSectionsAsync(int year, CancellationToken cancellationToken)
    {
        var f = await figures.ForYearAsync(year, cancellationToken);
        var retainers = await queries.RetainersAsync(cancellationToken);
        var period = Period.Year(year);
        var retained = retainers.Where(r => r.From <= period.To && r.To >= period.From).ToList();
        if (retained.Count == 0 && f.Opinions == 0 && f.MeetingsAttended == 0 && f.CasesRepresented == 0 && f.GateRefusals == 0)
        {
            return [];
        }

        var figuresPage = $"legal-services/counsel/figures?year={year}";
        return
        [
            new(AnnualReportChapters.DecisionsByLaw, new("法律顾问与合法性审查", "Counsel and legality review"),
                [Paragraph(year, f, retained)],
                [
                    new(new("法律顾问参与决策会议", "Decision meetings attended by counsel"), CounselFigures.Count(f.MeetingsAttended), $"legal-services/counsel/meetings?year={year}"),
                    new(new("提供法律意见", "Legal opinions given"), CounselFigures.Count(f.Opinions), $"legal-services/counsel/reviews"),
                    new(new("修订合同、方案", "Contracts and plans revised"), CounselFigures.Count(f.DocumentsRevised), $"legal-services/counsel/reviews"),
                    new(new("代理行政、民事案件", "Administrative and civil cases represented"), CounselFigures.Count(f.CasesRepresented), "legal-services/counsel/cases"),
                    new(new("未经审查或审查不合法被拒绝上会", "Agenda items refused for lack of review"), CounselFigures.Count(f.GateRefusals), figuresPage),
                ]),
        ];
    }

    private static string Paragraph(int year, CounselFigureSet f, IReadOnlyList<Retainers.Retainer> retained)
    {
        var firms = string.Join("、", retained.Select(r => r.Firm).Distinct());
        var counsel = retained.SelectMany(r => r.Counsel).Select(c => c.Name).Distinct().ToList();
        var text = retained.Count == 0
            ? $"{year}年，本镇未聘请法律顾问。"
            : $"{year}年，本镇与{firms}签订法律顾问合同，{(counsel.Count > 0 ? $"由{string.Join("、", counsel)}{counsel.Count}名律师担任镇人民政府法律顾问，" : "")}" +
              "为重大行政决策、合同、群众信访答复等进行合法性审查，未经合法性审查或者经审查不合法的，不得提交会议讨论、不得作出决策。";
        text += $"全年法律顾问共参与相关决策会议{f.MeetingsAttended}次，提供法律意见{f.Opinions}条，参与讨论修订了各类合同、方案{f.DocumentsRevised}个，" +
            $"代理行政案件和民事案件共计{f.CasesRepresented}件";
        if (f.CasesRepresented > 0)
        {
            text += $"（行政案件{f.AdministrativeCases}件、民事案件{f.CivilCases}件）";
        }

        return text + $"；因未经合法性审查或审查不合法未予列入会议议题{f.GateRefusals}项。";
    }
}
