using Modular.Kit.Input;
using Modular.Modules.LegalServices.Counsel;
using Modular.Modules.LegalServices.Counsel.Meetings;
using Modular.Modules.LegalServices.Counsel.Meetings.Steps;
using Modular.Modules.LegalServices.Counsel.Reviews;
using Modular.Modules.LegalServices.Counsel.Reviews.Steps;

namespace Modular.Modules.LegalServices.UnitTests.Counsel;

public sealed class AgendaGateTests
{
    private static readonly DateOnly Today = new(2024, 3, 20);

    [Fact]
    public void A_briefing_needs_no_review_and_every_other_item_needs_one()
    {
        Assert.Null(AgendaGate.Refusal(AgendaItemKind.Briefing, null));
        foreach (var kind in Enum.GetValues<AgendaItemKind>().Where(k => k != AgendaItemKind.Briefing))
        {
            Assert.Contains("须先经合法性审查", AgendaGate.Refusal(kind, null)!.Chinese);
        }
    }

    [Fact]
    public void The_gate_passes_a_lawful_document_and_one_whose_changes_are_made_and_nothing_else()
    {
        Assert.Null(AgendaGate.Refusal(AgendaItemKind.Contract, Reviews.Answered(ReviewOpinion.Lawful)));
        Assert.Null(AgendaGate.Refusal(AgendaItemKind.Contract, Reviews.Revised()));
        Assert.Contains("尚在合法性审查中", AgendaGate.Refusal(AgendaItemKind.Contract, Reviews.Awaiting())!.Chinese);
        Assert.Contains("不合法", AgendaGate.Refusal(AgendaItemKind.Contract, Reviews.Answered(ReviewOpinion.Unlawful))!.Chinese);
        Assert.Contains("须先登记已按审查意见修改", AgendaGate.Refusal(AgendaItemKind.Contract, Reviews.Answered(ReviewOpinion.LawfulWithChanges))!.Chinese);
    }

    [Fact]
    public void Only_the_latest_version_counts_a_lawful_first_version_sent_again_waits_for_its_new_opinion()
    {
        var review = Reviews.Answered(ReviewOpinion.Lawful);
        review.Apply(new ReviewResubmitted(Reviews.Sending("修改稿")));

        Assert.Equal(ReviewState.AwaitingOpinion, review.State);
        Assert.NotNull(AgendaGate.Refusal(AgendaItemKind.Contract, review));
    }

    [Fact]
    public void The_item_takes_its_kind_and_title_from_the_review_and_a_kind_that_contradicts_it_is_refused()
    {
        var review = Reviews.Answered(ReviewOpinion.Lawful);
        var errors = new InputErrors();
        var read = PutOnAgendaStep.Read(new PutOnAgendaInput(), Today, review, errors, "司法所");
        Assert.False(errors.Any);
        Assert.Equal((AgendaItemKind.Contract, "某合同"), (read.Kind, read.Title));

        PutOnAgendaStep.Read(new PutOnAgendaInput { Kind = "MajorDecision" }, Today, review, errors, "司法所");
        Assert.True(errors.Has("kind"));
    }

    [Fact]
    public void A_refused_item_names_the_reason_beside_the_review_and_adds_nothing_to_the_agenda()
    {
        var meeting = Meeting();
        var errors = new InputErrors();
        var read = PutOnAgendaStep.Read(new PutOnAgendaInput { ReviewId = Guid.NewGuid().ToString() }, Today, Reviews.Answered(ReviewOpinion.Unlawful), errors, "司法所");

        Assert.Empty(PutOnAgendaStep.Decide(meeting, read, errors));
        Assert.True(errors.Has("reviewId"));
    }

    [Fact]
    public void The_same_document_is_not_put_twice_on_one_agenda_and_a_held_meeting_takes_no_item()
    {
        var meeting = Meeting();
        var review = Reviews.Answered(ReviewOpinion.Lawful);
        var put = PutOnAgendaStep.Read(new PutOnAgendaInput(), Today, review, new InputErrors(), "司法所");
        meeting.Apply((ItemPutOnAgenda)Assert.Single(PutOnAgendaStep.Decide(meeting, put, new InputErrors())));

        var twice = new InputErrors();
        Assert.Empty(PutOnAgendaStep.Decide(meeting, put, twice));
        Assert.True(twice.Has("reviewId"));

        meeting.Apply(new CounselAttendanceRecorded([], Today, "司法所"));
        var held = new InputErrors();
        PutOnAgendaStep.Decide(meeting, PutOnAgendaStep.Read(new PutOnAgendaInput { Kind = "Briefing", Title = "通报" }, Today, null, new InputErrors(), "司法所"), held);
        Assert.True(held.Has("state"));
    }

    [Fact]
    public void Attendance_waits_for_the_meeting_day()
    {
        var meeting = Meeting();
        var errors = new InputErrors();
        RecordAttendanceStep.Decide(meeting, new RecordAttendance(Today.AddDays(-1), [], "司法所"), errors);
        Assert.True(errors.Has("state"));
    }

    [Theory]
    [InlineData("Lawful", "Conforms", "DoesNotConform", null, "opinion")]
    [InlineData("Unlawful", "Conforms", "Conforms", null, "opinion")]
    [InlineData("LawfulWithChanges", "Conforms", "Conforms", null, "requiredChanges")]
    public void An_opinion_that_contradicts_its_findings_is_refused(string opinion, string authority, string content, string? changes, string field)
    {
        var errors = new InputErrors();
        var answer = AnswerReviewStep.Read(new AnswerReviewInput
        {
            Opinion = opinion,
            Authority = authority,
            Procedure = "Conforms",
            Content = content,
            OpinionText = "意见",
            RequiredChanges = changes,
            On = "2024-03-05",
        }, Today, errors, Reviews.CounselUser, "伍猛麟");
        Assert.Empty(AnswerReviewStep.Decide(Reviews.Awaiting(), answer, errors));
        Assert.True(errors.Has(field));
    }

    [Fact]
    public void Only_the_counsel_the_version_was_sent_to_answers_it_and_not_before_it_was_sent()
    {
        var errors = new InputErrors();
        var answer = AnswerReviewStep.Read(new AnswerReviewInput
        {
            Opinion = "Lawful",
            Authority = "Conforms",
            Procedure = "Conforms",
            Content = "Conforms",
            OpinionText = "意见",
            On = "2024-02-28",
        }, Today, errors, "du", "杜浪");
        AnswerReviewStep.Decide(Reviews.Awaiting(), answer, errors);
        Assert.True(errors.Has("state"));
        Assert.True(errors.Has("on"));
    }

    [Fact]
    public void A_resubmission_is_of_a_new_version()
    {
        var errors = new InputErrors();
        Assert.Empty(ResubmitReviewStep.Decide(Reviews.Answered(ReviewOpinion.Unlawful), Reviews.Sending() with { SentOn = Reviews.SentOn.AddDays(11) }, errors));
        Assert.True(errors.Has("documentVersion"));
        Assert.Single(ResubmitReviewStep.Decide(Reviews.Answered(ReviewOpinion.Unlawful), Reviews.Sending("修改稿") with { SentOn = Reviews.SentOn.AddDays(11) }, new InputErrors()));
    }

    private static TownshipMeeting Meeting() => TownshipMeeting.Create(new MeetingScheduled(Guid.NewGuid(), MeetingKind.JointMeeting, Today, "党政联席会议", null, "司法所"));
}
