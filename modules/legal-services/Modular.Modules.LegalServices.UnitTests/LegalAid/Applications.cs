using Modular.Contracts.Mediation;
using Modular.Modules.LegalServices.LegalAid;

namespace Modular.Modules.LegalServices.UnitTests.LegalAid;

/// <summary>Applications in each state, built by applying their events as the inline projection does.</summary>
internal static class Applications
{
    public static readonly DateTimeOffset ReceivedAt = new(2024, 3, 1, 9, 30, 0, TimeSpan.FromHours(8));
    public static readonly DateOnly Day = new(2024, 3, 1);

    public static LegalAidApplication Received(bool detained = false) => LegalAidApplication.Create(new ApplicationReceived(
        Guid.NewGuid(), "2024-0001", ReceivedAt, new Applicant("王桂兰", "520527197003120412", "13985012345", "双河村三组12号"), null, detained, null,
        detained ? null : LegalAidMatter.LabourRelationOrWages, AidForm.LabourMediationArbitration, MeansRoute.Pledge, null, null, "年收入约8000元",
        "被拖欠工资", "某劳务公司", ["身份证复印件"]));

    public static LegalAidApplication Draft() => LegalAidApplication.Create(new ApplicationDrafted(
        Guid.NewGuid(), Guid.NewGuid(), "2024-0007", Day, LegalAidMatter.Maintenance, new Applicant("刘德华", null, null, null), ["张学友"], "双河村", "赡养费", "分歧过大", "王德明"));

    public static LegalAidApplication MaterialsRequested()
    {
        var a = Received();
        a.Apply(new Modular.Modules.LegalServices.LegalAid.MaterialsRequested(Day, ["工资条"], Day.AddDays(15)));
        return a;
    }

    public static LegalAidApplication UnderReview()
    {
        var a = Received();
        a.Apply(new ApplicationForwarded(ReceivedAt.AddHours(5), "县法律援助中心", "函1"));
        a.Apply(new AgencyReceiptRecorded(Day.AddDays(1)));
        return a;
    }

    public static LegalAidApplication Refused()
    {
        var a = UnderReview();
        a.Apply(new AidRefused(Day.AddDays(4), "", "收入高于标准"));
        return a;
    }

    public static LegalAidApplication Granted()
    {
        var a = UnderReview();
        a.Apply(new AidGranted(Day.AddDays(4), ""));
        return a;
    }

    public static LegalAidApplication InProgress()
    {
        var a = Granted();
        a.Apply(new AidAssigned(Day.AddDays(5), AssigneeKind.Lawyer, "陈明", "万驰律师事务所"));
        a.Apply(new AidStarted(Day.AddDays(6), ""));
        return a;
    }

    public static LegalAidApplication Terminated()
    {
        var a = InProgress();
        a.Apply(new AidTerminated(Day.AddDays(20), TerminationGround.MeansChanged, "经济状况好转"));
        return a;
    }

    public static LegalAidApplication Closed()
    {
        var a = InProgress();
        a.Apply(new AidClosed(Day.AddDays(40), "调解结案", "结案报告"));
        return a;
    }
}
