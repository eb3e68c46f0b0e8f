using Modular.Kit.Input;
using Modular.Modules.LawStudy.Certificates;
using Modular.Modules.LawStudy.Certificates.Steps;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.UnitTests.Certificates;

/// <summary>A certificate's standing on a day, its issue and its steps, as pure functions.</summary>
public sealed class CertificateDecisionTests
{
    private static readonly DateOnly Today = new(2020, 6, 1);

    internal static Certificate Valid(string number = "黔G0527180201", string[]? categories = null, string area = "野马川镇", Guid? holder = null) =>
        Certificate.Create(new CertificateIssued(Guid.NewGuid(), number, holder ?? Guid.NewGuid(), "何军", "野马川镇人民政府",
            categories ?? ["市容环境卫生", "城乡规划"], area, new(2018, 7, 1), new(2023, 7, 1), 1, new(2021, 6, 1)));

    [Fact]
    public void The_expiry_day_is_the_last_valid_day_and_the_next_is_expired()
    {
        var c = Valid();
        Assert.Equal(CertificateStanding.Valid, c.StandingOn(new(2020, 6, 1)));
        c.ExpiresOn = new(2020, 5, 31);
        Assert.Equal(CertificateStanding.Valid, c.StandingOn(new(2020, 5, 31)));
        Assert.Equal(CertificateStanding.Expired, c.StandingOn(new(2020, 6, 1)));
    }

    [Fact]
    public void A_review_day_gone_by_unreviewed_makes_the_certificate_not_valid()
    {
        var c = Valid();
        Assert.True(c.ValidOn(new(2021, 6, 1)));
        Assert.Equal(CertificateStanding.ReviewOverdue, c.StandingOn(new(2021, 6, 2)));
    }

    [Fact]
    public void A_suspension_counts_from_its_day_and_a_restoration_ends_it()
    {
        var c = Valid();
        c.Apply(new CertificateSuspended(new(2020, 9, 15), "调查", "监督员"));
        Assert.True(c.ValidOn(new(2020, 9, 14)));
        Assert.Equal(CertificateStanding.Suspended, c.StandingOn(new(2020, 9, 15)));
        c.Apply(new CertificateRestored(new(2020, 10, 1), "调查结束", "监督员"));
        Assert.True(c.ValidOn(new(2020, 10, 2)));
    }

    [Fact]
    public void Each_status_allows_only_its_steps()
    {
        var c = Valid();
        Assert.Contains(SuspendCertificate.Step, Certificate.Steps.Allowed(c));
        Assert.DoesNotContain(RestoreCertificate.Step, Certificate.Steps.Allowed(c));
        c.Apply(new CertificateRevoked(new(2020, 5, 1), "违法执法", "监督员"));
        Assert.Empty(Certificate.Steps.Allowed(c));
    }

    [Fact]
    public void A_step_before_the_last_change_of_status_or_without_a_reason_is_refused()
    {
        var c = Valid();
        c.Apply(new CertificateSuspended(new(2020, 5, 1), "调查", "监督员"));
        var errors = new InputErrors();
        var facts = new CertificateStepFacts(Today, new CertificateSettings(), "监督员");
        Assert.Empty(RestoreCertificate.Decide(c, new CertificateStepInput { On = "2020-04-30" }, facts, errors));
        Assert.True(errors.Has("on"));
        Assert.True(errors.Has("reason"));
    }

    [Fact]
    public void A_renewal_gives_a_new_validity_from_the_settings_and_keeps_the_former_number()
    {
        var c = Valid();
        var settings = new CertificateSettings { ValidityYears = 3, ReviewCycleYears = 3 };
        var errors = new InputErrors();
        var events = RenewCertificate.Decide(c, new RenewCertificateInput { On = "2020-02-29", NewNumber = "黔G0527200201" }, new CertificateStepFacts(Today, settings, "监督员"), errors);
        var renewed = Assert.IsType<CertificateRenewed>(Assert.Single(events));
        // 民法典 Art 201: no 29 February in 2023, so the month's last day.
        Assert.Equal(new DateOnly(2023, 2, 28), renewed.ExpiresOn);
        c.Apply(renewed);
        Assert.Equal("黔G0527200201", c.Number);
        Assert.Equal(["黔G0527180201"], c.FormerNumbers);
    }

    [Fact]
    public void An_issue_names_every_missing_field_and_refuses_a_holder_off_the_roster()
    {
        var errors = new InputErrors();
        var left = new StaffMember { Id = Guid.NewGuid(), Name = "韩冬", State = StaffState.Left };
        Assert.Null(IssueCertificate.Decide(new IssueCertificateInput { HolderId = left.Id, Categories = ["不存在的类别"] }, left, new CertificateSettings(), Today, errors));
        foreach (var field in new[] { "number", "holderId", "body", "categories", "area", "issuedOn" })
        {
            Assert.True(errors.Has(field), field);
        }
    }

    [Fact]
    public void An_issue_takes_its_expiry_and_first_review_from_the_township_settings()
    {
        var errors = new InputErrors();
        var holder = new StaffMember { Id = Guid.NewGuid(), Name = "何军", State = StaffState.OnRoster };
        var issued = IssueCertificate.Decide(new IssueCertificateInput
        {
            Number = "黔g0527180201",
            HolderId = holder.Id,
            Body = "野马川镇人民政府",
            Categories = ["市容环境卫生"],
            Area = "野马川镇",
            IssuedOn = "2020-03-01",
        }, holder, new CertificateSettings { ValidityYears = 5, ReviewCycleYears = 1 }, Today, errors);
        Assert.False(errors.Any);
        Assert.Equal("黔G0527180201", issued!.Number);
        Assert.Equal(new DateOnly(2025, 3, 1), issued.ExpiresOn);
        Assert.Equal(new DateOnly(2021, 3, 1), issued.NextReviewOn);
    }
}
