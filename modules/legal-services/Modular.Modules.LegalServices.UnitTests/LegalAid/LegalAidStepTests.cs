using Modular.Contracts.Time;
using Modular.Kit.Input;
using Modular.Modules.LegalServices.LegalAid;
using Modular.Modules.LegalServices.LegalAid.Steps;
using static Modular.Modules.LegalServices.UnitTests.LegalAid.Applications;

namespace Modular.Modules.LegalServices.UnitTests.LegalAid;

/// <summary>Each step's pure decision: its events, and every refusal with the field it names.</summary>
public sealed class LegalAidStepTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void An_intake_reads_the_station_instant_in_beijing_time_and_names_every_bad_field()
    {
        var errors = new InputErrors();
        var good = ReceiveApplication.Read(new ApplicationInput
        {
            ReceivedAt = "2024-03-01 09:30",
            ApplicantName = "王桂兰",
            Form = "Consultation",
            Means = "NoMeansTest",
            NoMeansTestMatter = "AbuseOrDomesticViolence",
            Matter = "Maintenance",
            Summary = "遭受家庭暴力，请求离婚并给付抚养费",
            Materials = "申请表\n\n身份证复印件",
        }, Now, errors);
        Assert.False(errors.Any);
        Assert.Equal(ReceivedAt, good!.StationReceivedAt);
        Assert.Equal(["申请表", "身份证复印件"], good.Materials);

        var bad = new InputErrors();
        Assert.Null(ReceiveApplication.Read(new ApplicationInput { ReceivedAt = "2026-06-02 08:00", Means = "Pledge", RepresentativeName = "王小明" }, Now, bad));
        Assert.All(["receivedAt", "applicantName", "representativeRelation", "matter", "form", "meansDetails", "summary"], field => Assert.True(bad.Has(field), field));
    }

    [Fact]
    public void A_detained_applicants_request_needs_no_matter_of_art_31()
    {
        var errors = new InputErrors();
        var read = ReceiveApplication.Read(new ApplicationInput { ReceivedAt = "2024-03-01 09:30", ApplicantName = "李某", Detained = true, Form = "CriminalDefence", Means = "Verified", Summary = "涉嫌盗窃，申请辩护" }, Now, errors);
        Assert.False(errors.Any);
        Assert.Null(read!.Matter);
        Assert.True(read.Detained);
    }

    [Fact]
    public void Provisional_aid_for_a_limitation_period_needs_it_to_end_within_seven_days()
    {
        var ok = new InputErrors();
        var events = ProvideProvisionalAidStep.Decide(Received(), new(Day, ProvisionalGround.LimitationEndsWithinSevenDays, Day.AddDays(6), "时效将届满"), ok);
        Assert.IsType<ProvisionalAidProvided>(Assert.Single(events));

        var late = new InputErrors();
        Assert.Empty(ProvideProvisionalAidStep.Decide(Received(), new(Day, ProvisionalGround.LimitationEndsWithinSevenDays, Day.AddDays(7), "时效将届满"), late));
        Assert.True(late.Has("limitationEndsOn"));

        var urgent = new InputErrors();
        Assert.Single(ProvideProvisionalAidStep.Decide(Received(), new(Day, ProvisionalGround.UrgentPreservationOrAdvanceExecution, null, "对方正在转移财产"), urgent));
    }

    [Fact]
    public void Only_one_notice_of_missing_materials_is_sent()
    {
        var a = Received();
        var errors = new InputErrors();
        var notice = Assert.IsType<MaterialsRequested>(Assert.Single(RequestMaterialsStep.Decide(a, new(Day, ["工资条", "劳动合同"], d => d.AddDays(17)), errors)));
        Assert.Equal(Day.AddDays(17), notice.ReplyBy);
        a.Apply(notice);
        a.Apply(new MaterialsSupplied(Day.AddDays(3), ["工资条"]));

        var again = new InputErrors();
        Assert.Empty(RequestMaterialsStep.Decide(a, new(Day.AddDays(4), ["户口簿"], d => d), again));
        Assert.Contains("一次性告知", again.ToDictionary()["state"][0]);
    }

    [Fact]
    public void The_application_is_withdrawn_only_after_the_notices_day_and_materials_after_it_are_refused()
    {
        var early = new InputErrors();
        Assert.Empty(WithdrawForNoReplyStep.Decide(MaterialsRequested(), new(Day.AddDays(15), null), early));
        Assert.True(early.Has("on"));
        Assert.Single(WithdrawForNoReplyStep.Decide(MaterialsRequested(), new(Day.AddDays(16), null), new InputErrors()));

        var late = new InputErrors();
        Assert.Empty(SupplyMaterialsStep.Decide(MaterialsRequested(), new(Day.AddDays(16), ["工资条"]), late));
        Assert.True(late.Has("on"));
    }

    [Fact]
    public void A_refusal_needs_its_reasons_in_writing()
    {
        var errors = new InputErrors();
        var read = RefuseAidStep.Read(new RefuseAidInput { On = "2024-03-05" }, new DateOnly(2026, 6, 1), errors);
        Assert.Empty(RefuseAidStep.Decide(UnderReview(), read, errors));
        Assert.True(errors.Has("reasons"));
    }

    [Fact]
    public void An_overturned_objection_grants_a_refused_application_and_resumes_a_terminated_one()
    {
        var refused = Refused();
        refused.Apply(new ObjectionFiled(Day.AddDays(30), "收入计算有误"));
        refused.Apply(new ObjectionDecided(Day.AddDays(33), ObjectionOutcome.Overturned, "应予援助"));
        Assert.Equal(ApplicationState.Granted, refused.State);
        Assert.Equal(Day.AddDays(33), refused.GrantedOn);

        var terminated = Terminated();
        terminated.Apply(new ObjectionFiled(Day.AddDays(21), "经济状况并未好转"));
        terminated.Apply(new ObjectionDecided(Day.AddDays(23), ObjectionOutcome.Overturned, "继续援助"));
        Assert.Equal(ApplicationState.InProgress, terminated.State);

        var upheld = Refused();
        upheld.Apply(new ObjectionFiled(Day.AddDays(30), "异议"));
        upheld.Apply(new ObjectionDecided(Day.AddDays(31), ObjectionOutcome.Upheld, "维持"));
        Assert.Equal(ApplicationState.Refused, upheld.State);
        Assert.Empty(LegalAidApplication.Steps.Allowed(upheld));
    }

    [Fact]
    public void A_step_cannot_be_dated_before_the_previous_one()
    {
        var errors = new InputErrors();
        Assert.Empty(GrantAidStep.Decide(UnderReview(), new(Day, null), errors));
        Assert.True(errors.Has("on"));
    }

    [Fact]
    public void A_forwarding_cannot_precede_the_stations_receipt()
    {
        var errors = new InputErrors();
        Assert.Empty(ForwardApplicationStep.Decide(Received(), new(ReceivedAt.AddMinutes(-5), null, null, "县法律援助中心"), errors));
        Assert.True(errors.Has("at"));
        var forwarded = Assert.IsType<ApplicationForwarded>(Assert.Single(ForwardApplicationStep.Decide(Received(), new(ReceivedAt.AddHours(1), null, null, "县法律援助中心"), new InputErrors())));
        Assert.Equal("县法律援助中心", forwarded.Agency);
    }

    [Fact]
    public void A_confirmed_draft_becomes_a_received_application_under_its_number()
    {
        var draft = Draft();
        var read = ReceiveApplication.Read(new ApplicationInput { ReceivedAt = "2024-03-02 10:00", ApplicantName = "刘德华", Matter = "Maintenance", Form = "Consultation", Means = "Verified", Summary = "赡养费" }, Now, new InputErrors());
        var received = Assert.IsType<ApplicationReceived>(Assert.Single(ConfirmDraftStep.Decide(draft, read, "2024-0003", new InputErrors())));
        Assert.Equal(draft.Id, received.Id);
        Assert.Equal("2024-0003", received.Number);
        draft.Apply(received);
        Assert.Equal(ApplicationState.Received, draft.State);
        Assert.Equal("2024-0007", draft.ReferralDisputeNumber);
    }

    [Fact]
    public void A_setting_may_shorten_the_laws_periods_in_either_unit_but_never_lengthen_them()
    {
        var input = new LegalAidSettingsInput
        {
            DecisionDays = 5,
            DecisionUnit = "WorkingDays",
            AssignmentDays = 4,
            AssignmentUnit = "CalendarDays",
            ObjectionDays = 5,
            ObjectionUnit = "CalendarDays",
            MaterialsReplyDays = 10,
            FollowUpDays = 30,
            DecisionClockFrom = "StationReceipt",
            Agency = "县法律援助中心",
            JusticeBureau = "县司法局",
        };
        var errors = new InputErrors();
        Assert.Null(LegalAidSettingsStore.Decide(input, errors));
        Assert.True(errors.Has("assignmentDays"));

        input.AssignmentDays = 2;
        var set = LegalAidSettingsStore.Decide(input, new InputErrors());
        Assert.Equal(StatutoryPeriod.WorkingDays(5), set!.Decision);
        Assert.Equal(StatutoryPeriod.CalendarDays(2), set.Assignment);
        Assert.Equal(DecisionClockStart.StationReceipt, set.DecisionClockFrom);
    }
}
