using Modular.Host.Reports;
using Modular.Host.Reports.Steps;
using Modular.Kit.Input;

namespace Modular.Host.UnitTests.Reports;

/// <summary>The report's step decisions as pure functions of the report and the command, without PostgreSQL.</summary>
public sealed class ReportStepTests
{
    private static readonly DateTimeOffset At = new(2021, 2, 20, 2, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, string> Complete = new()
    {
        [ReportStructure.FirstResponsible] = "主要负责人研究部署。",
        [ReportStructure.Shortcomings] = "记录不够全面。",
        [ReportStructure.Plan] = "加强督导。",
        [ReportStructure.Other] = "无。",
    };

    private static TownshipAnnualReport Report(ReportState state, IReadOnlyDictionary<string, string>? parts = null)
    {
        var report = TownshipAnnualReport.Create(new AnnualReportSaved("t", 2020, 1, parts ?? Complete, ReportFacts.Empty, "clerk", At));
        report.State = state;
        if (state is ReportState.Approved or ReportState.Sent or ReportState.Published)
        {
            report.ApprovedVersion = 1;
        }

        if (state is ReportState.Sent or ReportState.Published)
        {
            report.SentVersion = 1;
        }

        return report;
    }

    public static TheoryData<string, ReportState> OutOfTurn => new()
    {
        { ReportSteps.Submit, ReportState.Submitted },
        { ReportSteps.Submit, ReportState.Approved },
        { ReportSteps.Approve, ReportState.Drafted },
        { ReportSteps.Approve, ReportState.Returned },
        { ReportSteps.Approve, ReportState.Approved },
        { ReportSteps.Return, ReportState.Drafted },
        { ReportSteps.Return, ReportState.Sent },
        { ReportSteps.Send, ReportState.Drafted },
        { ReportSteps.Send, ReportState.Submitted },
        { ReportSteps.Send, ReportState.Sent },
        { ReportSteps.Publish, ReportState.Approved },
        { ReportSteps.Publish, ReportState.Published },
    };

    [Theory]
    [MemberData(nameof(OutOfTurn))]
    public void A_step_out_of_turn_is_refused_under_state(string step, ReportState state)
    {
        var errors = new InputErrors();
        var report = Report(state);

        var events = step switch
        {
            ReportSteps.Submit => SubmitReport.Decide(report, "clerk", At, errors),
            ReportSteps.Approve => ApproveReport.Decide(report, "head", At, errors),
            ReportSteps.Return => ReturnReport.Decide(report, "理由", "head", At, errors),
            ReportSteps.Send => SendReport.Decide(report, "clerk", At, errors),
            _ => PublishReport.Decide(report, portalEnabled: true, () => throw new InvalidOperationException("not published"), errors),
        };

        Assert.Empty(events);
        Assert.True(errors.Has("state"));
    }

    [Fact]
    public void A_report_is_submitted_only_with_the_heads_duty_shortcomings_plan_and_other_matters_written()
    {
        var errors = new InputErrors();

        var events = SubmitReport.Decide(Report(ReportState.Drafted, new Dictionary<string, string> { [ReportStructure.Plan] = "加强督导。" }), "clerk", At, errors);

        Assert.Empty(events);
        Assert.Equal(["parts.first-responsible", "parts.other", "parts.shortcomings"], errors.ToDictionary().Keys.Order());
    }

    [Fact]
    public void Approval_freezes_the_submitted_version_and_sending_names_it()
    {
        var report = Report(ReportState.Submitted);
        var approved = Assert.IsType<AnnualReportApproved>(Assert.Single(ApproveReport.Decide(report, "head", At, new InputErrors())));
        Assert.Equal(1, approved.VersionNumber);
        report.Apply(approved);

        var sent = Assert.IsType<AnnualReportSent>(Assert.Single(SendReport.Decide(report, "clerk", At, new InputErrors())));

        Assert.Equal(1, sent.VersionNumber);
        Assert.Equal(1, report.Frozen!.Number);
    }

    [Fact]
    public void A_return_needs_its_reason()
    {
        var errors = new InputErrors();
        Assert.Empty(ReturnReport.Decide(Report(ReportState.Submitted), " ", "head", At, errors));
        Assert.True(errors.Has("reason"));
    }

    [Fact]
    public void Publishing_without_the_portal_is_refused_with_the_reason()
    {
        var errors = new InputErrors();
        Assert.Empty(PublishReport.Decide(Report(ReportState.Sent), portalEnabled: false, () => throw new InvalidOperationException("not published"), errors));
        Assert.Contains("政务公开", Assert.Single(errors.ToDictionary()["publish"]));
    }

    [Fact]
    public void A_saved_part_must_be_a_part_of_the_report_and_free_of_control_characters()
    {
        var errors = new InputErrors();

        var parts = SaveReport.ReadParts(new SaveReportInput(0, new() { ["plan"] = "第一行\r\n第二行", ["appendix"] = "附件", ["other"] = "无\u0007" }), errors);

        Assert.Equal("第一行\n第二行", parts["plan"]);
        Assert.Equal(["parts.appendix", "parts.other"], errors.ToDictionary().Keys.Order());
    }

    [Fact]
    public void A_submitted_report_is_not_saved_over()
    {
        var errors = new InputErrors();
        Assert.Null(SaveReport.Decide(Report(ReportState.Submitted), "t", 2020, Complete, ReportFacts.Empty, "clerk", At, errors));
        Assert.True(errors.Has("state"));
    }

    [Fact]
    public void A_figure_that_changed_since_approval_is_listed_with_both_values()
    {
        FactSection Section(string value) => new("2-functions-by-law", "notebook", "记事本", "Notebook", [$"登记事项{value}件"], [new("登记事项", "Matters", value, "notebook/matters")]);

        var changes = FactChanges.Between(new ReportFacts([Section("1")]), new ReportFacts([Section("2")]));

        var change = Assert.Single(changes);
        Assert.Equal(("登记事项", "1", "2"), (change.Label, change.Frozen, change.Now));
        Assert.Empty(FactChanges.Between(new ReportFacts([Section("1")]), new ReportFacts([Section("1")])));
    }

    [Fact]
    public void Lines_are_compared_keeping_the_common_ones_in_order()
    {
        var lines = ReportDiff.Lines(["甲", "乙", "丙"], ["甲", "丁", "丙", "戊"]);

        Assert.Equal([(LineChange.Same, "甲"), (LineChange.Removed, "乙"), (LineChange.Added, "丁"), (LineChange.Same, "丙"), (LineChange.Added, "戊")],
            lines.Select(l => (l.Change, l.Text)));
    }
}
