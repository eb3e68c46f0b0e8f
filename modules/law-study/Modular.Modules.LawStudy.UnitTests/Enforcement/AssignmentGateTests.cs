using Modular.Kit.Input;
using Modular.Modules.LawStudy.Certificates;
using Modular.Modules.LawStudy.Enforcement;
using Modular.Modules.LawStudy.Enforcement.Steps;
using Modular.Modules.LawStudy.Staff;
using Modular.Modules.LawStudy.UnitTests.Certificates;

namespace Modular.Modules.LawStudy.UnitTests.Enforcement;

/// <summary>The assignment gate's edges (行政处罚法 Art 42), as a pure function.</summary>
public sealed class AssignmentGateTests
{
    private static readonly DateOnly Day = new(2020, 10, 20);

    private static GateCandidate Officer(string name, params Certificate[] certificates) => new(Guid.NewGuid().ToString(), name, certificates);

    [Fact]
    public void Two_officers_with_valid_certificates_covering_the_category_and_area_pass()
    {
        var result = AssignmentGate.Check(Day, "市容环境卫生", "野马川镇", [Officer("何军", CertificateDecisionTests.Valid()), Officer("罗永红", CertificateDecisionTests.Valid("黔G0527180202"))]);
        Assert.True(result.Passed);
    }

    [Fact]
    public void One_officer_alone_is_refused_under_article_42()
    {
        var result = AssignmentGate.Check(Day, "市容环境卫生", "野马川镇", [Officer("何军", CertificateDecisionTests.Valid())]);
        Assert.False(result.Passed);
        Assert.Contains(result.Reasons, r => r.Contains("第四十二条"));
    }

    [Fact]
    public void The_same_officer_twice_is_one_officer()
    {
        var he = Officer("何军", CertificateDecisionTests.Valid());
        Assert.False(AssignmentGate.Check(Day, "市容环境卫生", "野马川镇", [he, he]).Passed);
    }

    [Fact]
    public void A_certificate_that_expired_yesterday_is_refused_naming_the_officer_and_the_date()
    {
        var expired = CertificateDecisionTests.Valid("黔G0527170206");
        expired.ExpiresOn = new(2020, 10, 19);
        var result = AssignmentGate.Check(Day, "市容环境卫生", "野马川镇", [Officer("何军", CertificateDecisionTests.Valid()), Officer("韩冬", expired)]);
        var refused = Assert.Single(result.Verdicts, v => !v.Qualified);
        Assert.Contains(refused.Reasons, r => r.Contains("韩冬") && r.Contains("已过期") && r.Contains("2020-10-19"));
    }

    [Fact]
    public void A_suspended_certificate_is_refused()
    {
        var suspended = CertificateDecisionTests.Valid("黔G0527180205");
        suspended.Apply(new CertificateSuspended(new(2020, 9, 15), "调查", "监督员"));
        var result = AssignmentGate.Check(Day, "市容环境卫生", "野马川镇", [Officer("何军", CertificateDecisionTests.Valid()), Officer("谢飞", suspended)]);
        Assert.Contains(Assert.Single(result.Verdicts, v => !v.Qualified).Reasons, r => r.Contains("谢飞") && r.Contains("暂扣"));
    }

    [Fact]
    public void The_wrong_area_or_category_is_refused_saying_which()
    {
        var elsewhere = CertificateDecisionTests.Valid("黔G0527180209", area: "水塘镇");
        var planning = CertificateDecisionTests.Valid("黔G0527190101", ["城乡规划"]);
        var result = AssignmentGate.Check(Day, "市容环境卫生", "野马川镇", [Officer("梁伟", elsewhere), Officer("胡志强", planning)]);
        Assert.All(result.Verdicts, v => Assert.False(v.Qualified));
        Assert.Contains(result.Verdicts[0].Reasons, r => r.Contains("水塘镇"));
        Assert.Contains(result.Verdicts[1].Reasons, r => r.Contains("不含执法类别"));
    }

    [Fact]
    public void Someone_without_any_certificate_is_refused()
    {
        var result = AssignmentGate.Check(Day, "市容环境卫生", "野马川镇", [Officer("何军", CertificateDecisionTests.Valid()), Officer("许婧")]);
        Assert.Contains(Assert.Single(result.Verdicts, v => !v.Qualified).Reasons, r => r.Contains("未取得行政执法证"));
    }

    [Fact]
    public void A_refused_assignment_is_recorded_with_each_officer_and_named_field_by_field()
    {
        var he = new StaffMember { Id = Guid.NewGuid(), Name = "何军", State = StaffState.OnRoster };
        var xie = new StaffMember { Id = Guid.NewGuid(), Name = "谢飞", State = StaffState.OnRoster };
        var suspended = CertificateDecisionTests.Valid("黔G0527180205", holder: xie.Id);
        suspended.Apply(new CertificateSuspended(new(2020, 9, 15), "调查", "监督员"));
        var task = EnforcementTask.Create(new EnforcementTaskRecorded(Guid.NewGuid(), "2020-0001", Contracts.LawStudy.EnforcementKind.Penalty, "市容环境卫生", "野马川镇", Day, null, null, "乱倒建筑垃圾", "监督员"));
        var errors = new InputErrors();
        var decision = AssignOfficers.Decide(task, [he.Id, xie.Id], new Dictionary<Guid, StaffMember> { [he.Id] = he, [xie.Id] = xie },
            [CertificateDecisionTests.Valid(holder: he.Id), suspended], Day, "监督员", errors);
        Assert.Empty(decision.Events);
        Assert.Equal("谢飞", Assert.Single(decision.Refusal!.Officers).Name);
        Assert.True(errors.Has("officers[1]"));
        Assert.False(errors.Has("officers[0]"));
    }
}
