using System.Globalization;
using Marten;
using Modular.Contracts.Extensions;
using Modular.Kit;
using Modular.Modules.Mediation.Disputes;
using Modular.Modules.Mediation.Households;
using Modular.Modules.Mediation.Liaisons;
using Modular.Modules.Mediation.Petitions;

namespace Modular.Modules.Mediation;

/// <summary>
/// The annual report's section "健全矛盾纠纷多元化解机制": the year's disputes screened and resolved (by category) and
/// the petitions transferred from above, the liaisons and their leads, and the household ledger, each figure linked to
/// the ledger it was counted from.
/// </summary>
internal sealed class MediationReportSection(DisputeFigures disputes, PetitionFigures petitions, IQuerySession session) : IAnnualReportSections
{
    public async Task<IReadOnlyList<AnnualReportSection>> GetSectionsAsync(int year, CancellationToken cancellationToken)
    {
        var d = await disputes.ForYearAsync(year, cancellationToken);
        var p = await petitions.ForYearAsync(year, cancellationToken);
        var ledger = $"mediation/disputes?from={year}-01-01&to={year}-12-31";
        var (yearStart, yearEnd) = Period.Year(year);
        var liaisons = await session.Query<Liaison>()
            .CountAsync(l => l.AppointedOn <= yearEnd && (l.StoodDownOn == null || l.StoodDownOn > yearEnd), cancellationToken);
        var leads = await session.Query<Lead>().Where(l => l.ReportedOn >= yearStart && l.ReportedOn <= yearEnd).Select(l => l.State).ToListAsync(cancellationToken);
        var households = await session.Query<Household>().CountAsync(h => !h.IsClosed, cancellationToken);
        var specialGroupPeople = households == 0 ? 0 : await session.Query<Household>().Where(h => !h.IsClosed).SumAsync(h => h.SpecialGroupMembers, cancellationToken);
        var paragraphs = new List<string> { DisputeParagraph(year, d), PetitionParagraph(year, p) };
        if (liaisons > 0 || households > 0)
        {
            paragraphs.Add($"依托综治中心建立全员人口信息台帐，分户建档，目前在册{households}户，其中特殊群体{specialGroupPeople}人，有针对性地给予服务管理；" +
                $"聘请信息联络员{liaisons}名，{year}年报告矛盾纠纷线索{leads.Count}条，转为纠纷受理{leads.Count(s => s == LeadState.BecameDispute)}条，" +
                $"当场化解或核实关闭{leads.Count(s => s == LeadState.Closed)}条。");
        }

        return
        [
            new(AnnualReportChapters.DisputeResolution, new("矛盾纠纷化解与信访", "Disputes and petitions"),
                paragraphs,
                [
                    new(new("矛盾纠纷排查", "Disputes screened"), Count(d.Screened), ledger),
                    new(new("矛盾纠纷化解", "Disputes resolved"), Count(d.Resolved), ledger),
                    new(new("调解不成", "Mediation failed"), Count(d.Failed), ledger),
                    new(new("分流处置", "Routed elsewhere"), Count(d.Routed), ledger),
                    new(new("受理信访事项", "Petitions received"), Count(p.Received), "mediation/petitions"),
                    new(new("按期办结", "Closed on time"), Count(p.ClosedOnTime), "mediation/petitions"),
                    new(new("尚在办理", "Still open"), Count(p.StillOpen), "mediation/petitions"),
                    new(new("按期办结率", "On-time rate"), PetitionFigures.Rate(p), "mediation/petitions"),
                    new(new("信息联络员", "Information liaisons"), Count(liaisons), "mediation/liaisons"),
                    new(new("联络员报告线索", "Leads reported"), Count(leads.Count), "mediation/leads"),
                    new(new("在册户数", "Households on the ledger"), Count(households), "mediation/households"),
                ]),
        ];
    }

    private static string DisputeParagraph(int year, DisputeFigureSet d)
    {
        if (d.Screened == 0 && d.Resolved == 0)
        {
            return $"{year}年，本镇未登记矛盾纠纷。";
        }

        var categories = string.Join("，", d.ByCategory.Where(c => c.Screened > 0).Select(c => $"{c.Label}{c.Screened}起"));
        var text = $"{year}年，本镇以综治中心为依托开展矛盾纠纷排查化解，矛盾纠纷排查{d.Screened}起，化解{d.Resolved}起" +
            $"（书面调解协议{d.WrittenAgreements}起，口头协议{d.OralAgreements}起）";
        if (categories.Length > 0)
        {
            text += $"；其中{categories}";
        }

        var ended = new List<string>();
        if (d.Failed > 0)
        {
            ended.Add($"调解不成并告知其他救济途径{d.Failed}起");
        }

        if (d.Routed > 0)
        {
            ended.Add($"分流至相关部门处置{d.Routed}起");
        }

        if (d.Refused > 0)
        {
            ended.Add($"当事人拒绝调解{d.Refused}起");
        }

        if (d.StillOpen > 0)
        {
            ended.Add($"尚在调解{d.StillOpen}起");
        }

        if (d.PoliceReports > 0)
        {
            ended.Add($"向公安机关报告激化风险{d.PoliceReports}次");
        }

        return text + (ended.Count > 0 ? "；" + string.Join("，", ended) : "") + "。";
    }

    private static string PetitionParagraph(int year, PetitionFigureSet f) => f.Received == 0
        ? $"{year}年，本镇未收到信访事项。"
        : $"{year}年，本镇依照《信访工作条例》登记信访事项{f.Received}件，按期办结{f.ClosedOnTime}件，逾期办结{f.ClosedLate}件，" +
          $"依法导入其他途径或告知不属本机关职权{f.ClosedOtherwise}件，尚在办理{f.StillOpen}件，按期办结率{PetitionFigures.Rate(f)}。";

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
