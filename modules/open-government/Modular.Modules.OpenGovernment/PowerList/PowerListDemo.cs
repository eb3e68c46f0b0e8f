using Marten;
using Modular.Contracts.Extensions;

namespace Modular.Modules.OpenGovernment.PowerList;

/// <summary>
/// The demo township's list history, told as the events it would have been: the first list (2019), the homestead
/// approval added when the revised Land Administration Law took effect (2020), a shortened review (2020), the 2021
/// adjustment (one penalty entrusted, the social maintenance fee repealed) and a proposal the county turned down.
/// Runs only when the township has no proposal yet, so calling it twice changes nothing.
/// </summary>
internal sealed class PowerListDemo(IQuerySession query, PowerListDesk desk) : IDemoData
{
    public async Task SeedAsync(CancellationToken cancellationToken) => await SeedHistoryAsync(cancellationToken);

    public async Task<bool> SeedHistoryAsync(CancellationToken ct)
    {
        if (await query.Query<PowerListProposal>().AnyAsync(ct))
        {
            return false;
        }

        await AdoptAsync("2019年野马川镇权责清单", "经2016年以来逐年清理，司法所牵头编制本镇权责清单。", "2019-07-01",
            PowerListDemoItems.Initial.Select(i => new ProposedChange(ProposedChange.Add, i.Code, i, null)).ToList(), new(2019, 6, 10), new(2019, 6, 25), ct);
        await AdoptAsync("增加农村村民宅基地审批", "修正后的《中华人民共和国土地管理法》自2020年1月1日起施行，宅基地由乡（镇）人民政府审核批准。", "2020-01-01",
            [new(ProposedChange.Add, PowerListDemoItems.Homestead.Code, PowerListDemoItems.Homestead, "土地管理法修正")], new(2019, 12, 10), new(2019, 12, 20), ct);
        await AdoptAsync("缩短最低生活保障审核时限", "落实社会救助“放管服”改革要求。", "2020-09-01",
            [new(ProposedChange.Amend, "GF-002", PowerListDemoItems.MinimumLivingAllowanceShortened(), "压缩办理时限")], new(2020, 8, 5), new(2020, 8, 20), ct);
        await AdoptAsync("2021年度权责清单调整", "县自然资源局委托乡镇实施农村村民非法占地建住宅处罚；社会抚养费取消征收。", "2021-07-01",
            [
                new(ProposedChange.Add, PowerListDemoItems.HomesteadPenalty.Code, PowerListDemoItems.HomesteadPenalty, "县级委托"),
                new(ProposedChange.Repeal, PowerListDemoItems.SocialMaintenanceFee, null, "社会抚养费取消征收"),
            ], new(2021, 6, 1), new(2021, 6, 20), ct);

        var turnedDown = await desk.ProposeAsync(new ProposeChanges("取消组织开展防汛抗旱事项", "拟并入县级应急管理部门实施。", "2021-07-01",
            [new(ProposedChange.Repeal, "QT-002", null, "职责调整")]), "demo", ct, new DateOnly(2021, 6, 2));
        await desk.RejectAsync(turnedDown.Id, new DecideProposal(turnedDown.Version, "防汛抗旱系乡镇人民政府法定职责（《中华人民共和国防汛条例》第六条），不予取消。"), ct, new DateOnly(2021, 6, 20));
        return true;
    }

    private async Task AdoptAsync(string title, string explanation, string effectiveOn, List<ProposedChange> changes, DateOnly proposedOn, DateOnly approvedOn, CancellationToken ct)
    {
        // A demo list the desk refuses, or that no longer applies, is a fault of ours: its refusal says why.
        var proposal = await desk.ProposeAsync(new ProposeChanges(title, explanation, effectiveOn, changes), "demo", ct, proposedOn);
        await desk.ApproveAsync(proposal.Id, new DecideProposal(proposal.Version, "经县司法局审核同意。"), ct, approvedOn);
    }
}
