using Modular.Kit.Input;
using Modular.Modules.LegalServices.Counsel;
using Modular.Modules.LegalServices.Counsel.Cases;
using Modular.Modules.LegalServices.Counsel.Cases.Steps;
using Modular.Modules.LegalServices.Counsel.Retainers;

namespace Modular.Modules.LegalServices.UnitTests.Counsel;

public sealed class CounselSettingsTests
{
    [Theory]
    [InlineData(7, "WorkingDays", true)]
    [InlineData(15, "WorkingDays", true)]
    [InlineData(6, "WorkingDays", false)]
    [InlineData(30, "CalendarDays", false)]
    public void The_review_time_is_at_least_the_laws_seven_working_days(int days, string unit, bool taken)
    {
        var errors = new InputErrors();
        var set = CounselSettingsStore.Decide(new CounselSettingsInput { ReviewDays = days, ReviewUnit = unit, ExpiryWarningDays = 30 }, errors);
        Assert.Equal(taken, set is not null);
        Assert.Equal(!taken, errors.Has("reviewDays"));
    }

    [Theory]
    [InlineData("1520520151012345", "licenceNumber")]
    [InlineData("15205201510123456", null)]
    public void A_counsels_licence_number_is_17_digits(string licence, string? field)
    {
        var errors = new InputErrors();
        var retainer = Retainer.Create(new RetainerSigned(Guid.NewGuid(), "贵州万驰律师事务所", null, new(2024, 1, 1), new(2024, 12, 31), new(2024, 1, 1), "司法所"));
        var named = NameCounselStep.Read(new NameCounselInput { Name = "伍猛麟", LicenceNumber = licence, UserName = "wu" }, new(2024, 1, 2), errors, "司法所");
        NameCounselStep.Decide(retainer, named, errors);
        Assert.Equal(field is not null, errors.Has("licenceNumber"));
    }

    [Fact]
    public void A_case_moves_on_to_appeal_but_never_back()
    {
        var c = RepresentedCase.Create(new CaseRegistered(Guid.NewGuid(), CaseKind.Civil, "赫章县人民法院", "（2024）黔0527民初1号", "合同纠纷", CasePosition.Plaintiff,
            CaseStage.Appeal, null, null, null, new(2024, 3, 1), "司法所"));
        var errors = new InputErrors();
        MoveStageStep.Decide(c, new MoveStage(new(2024, 4, 1), CaseStage.FirstInstance, "法院", "号", "司法所"), errors);
        Assert.True(errors.Has("stage"));
        Assert.Single(MoveStageStep.Decide(c, new MoveStage(new(2024, 4, 1), CaseStage.Enforcement, "法院", "号", "司法所"), new InputErrors()));
    }

    [Fact]
    public void Counsel_represent_the_township_in_a_year_when_the_case_is_open_in_it()
    {
        var c = RepresentedCase.Create(new CaseRegistered(Guid.NewGuid(), CaseKind.Administrative, "赫章县人民法院", "（2019）黔0527行初88号", "行政确认", CasePosition.Defendant,
            CaseStage.FirstInstance, null, Guid.NewGuid(), "杜浪", new(2019, 11, 18), "司法所"));
        c.Apply(new CaseConcluded("维持", new(2020, 9, 25), "司法所"));
        Assert.True(c.RepresentedWithin(new(2020, 1, 1), new(2020, 12, 31)));
        Assert.False(c.RepresentedWithin(new(2021, 1, 1), new(2021, 12, 31)));
    }
}
