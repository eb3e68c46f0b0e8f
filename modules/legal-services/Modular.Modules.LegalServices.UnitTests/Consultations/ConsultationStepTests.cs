using Modular.Contracts.LegalServices;
using Modular.Kit.Input;
using Modular.Modules.LegalServices.Consultations;
using Modular.Modules.LegalServices.Consultations.Steps;
using static Modular.Modules.LegalServices.UnitTests.Consultations.Consultations;

namespace Modular.Modules.LegalServices.UnitTests.Consultations;

public sealed class ConsultationStepTests
{
    [Fact]
    public void A_registered_consultation_may_be_answered_deferred_to_a_written_opinion_or_routed()
    {
        Assert.Equal([AnswerConsultation.Step, PromiseWrittenOpinion.Step, RouteToWindow.Step], Consultation.Steps.Allowed(Registered()));
        Assert.Equal([GiveWrittenOpinion.Step, RouteToWindow.Step], Consultation.Steps.Allowed(AwaitingOpinion()));
        Assert.Empty(Consultation.Steps.Allowed(Answered()));
    }

    [Fact]
    public void An_answer_on_the_spot_records_the_answer_and_closes_it()
    {
        var errors = new InputErrors();
        var command = AnswerConsultation.Read(new AnswerConsultationInput { At = At(Received.AddMinutes(15)), Answer = "依照民法典第一千零八十四条。" }, Now, "王明", errors);
        var events = AnswerConsultation.Decide(Registered(), command, errors);

        var answered = Assert.IsType<ConsultationAnswered>(Assert.Single(events));
        Assert.Equal("依照民法典第一千零八十四条。", answered.Answer);
        Assert.Equal("王明", answered.By);
        var c = Registered();
        c.Apply(answered);
        Assert.False(c.IsOpen);
        Assert.Equal(ConsultationState.Answered, c.State);
    }

    [Fact]
    public void An_answer_without_its_text_or_before_the_receipt_is_refused_naming_each_field()
    {
        var errors = new InputErrors();
        var command = AnswerConsultation.Read(new AnswerConsultationInput { At = At(Received.AddHours(-1)) }, Now, "王明", errors);
        Assert.Empty(AnswerConsultation.Decide(Registered(), command, errors));
        Assert.True(errors.Has("answer"));
        Assert.True(errors.Has("at"));
    }

    [Fact]
    public void A_time_in_the_future_is_refused()
    {
        var errors = new InputErrors();
        var command = AnswerConsultation.Read(new AnswerConsultationInput { At = At(Now.AddHours(2)), Answer = "答复" }, Now, "王明", errors);
        AnswerConsultation.Decide(Registered(), command, errors);
        Assert.True(errors.Has("at"));
    }

    [Fact]
    public void An_answered_consultation_is_not_answered_again()
    {
        var errors = new InputErrors();
        var command = AnswerConsultation.Read(new AnswerConsultationInput { At = At(Now), Answer = "再次答复" }, Now, "王明", errors);
        Assert.Empty(AnswerConsultation.Decide(Answered(), command, errors));
        Assert.True(errors.Has("state"));
    }

    [Fact]
    public void A_written_opinion_later_keeps_it_open_until_the_opinion_is_given()
    {
        var c = Registered(ConsultationChannel.Letter);
        var errors = new InputErrors();
        var promise = PromiseWrittenOpinion.Decide(c, PromiseWrittenOpinion.Read(new PromiseWrittenOpinionInput { At = At(Received.AddHours(1)) }, Now, "王明", errors), errors);
        c.Apply(Assert.IsType<WrittenOpinionPromised>(Assert.Single(promise)));
        Assert.True(c.IsOpen);
        Assert.Equal(ConsultationState.AwaitingOpinion, c.State);

        var given = GiveWrittenOpinion.Decide(c, GiveWrittenOpinion.Read(new GiveWrittenOpinionInput { At = At(Received.AddDays(2)), Opinion = "书面意见：……" }, Now, "王明", errors), errors);
        c.Apply(Assert.IsType<WrittenOpinionGiven>(Assert.Single(given)));
        Assert.False(c.IsOpen);
        Assert.Equal(ConsultationState.OpinionGiven, c.State);
    }

    [Fact]
    public void A_written_opinion_is_given_only_once_promised_and_not_before_the_promise()
    {
        var errors = new InputErrors();
        var command = GiveWrittenOpinion.Read(new GiveWrittenOpinionInput { At = At(Received.AddMinutes(30)), Opinion = "意见" }, Now, "王明", errors);
        Assert.Empty(GiveWrittenOpinion.Decide(Registered(), command, errors));
        Assert.True(errors.Has("state"));

        var early = new InputErrors();
        Assert.Empty(GiveWrittenOpinion.Decide(AwaitingOpinion(), GiveWrittenOpinion.Read(new GiveWrittenOpinionInput { At = At(Received.AddMinutes(30)) }, Now, "王明", early), early));
        Assert.True(early.Has("at"));
        Assert.True(early.Has("opinion"));
    }

    [Fact]
    public void Routing_to_a_window_other_than_mediation_hands_nothing_over()
    {
        var errors = new InputErrors();
        var command = RouteToWindow.Read(new RouteToWindowInput { At = At(Received.AddMinutes(30)), Window = "Notary", Note = "预约县公证处" }, Now, "王明", errors);
        var routed = Assert.IsType<ConsultationRouted>(Assert.Single(RouteToWindow.Decide(Registered(), command, errors)));
        Assert.Equal(ServiceWindow.Notary, routed.Window);
    }

    [Fact]
    public void Routing_to_people_s_mediation_hands_the_person_village_topic_and_question_to_mediation()
    {
        var c = Registered();
        var errors = new InputErrors();
        var command = RouteToWindow.Read(new RouteToWindowInput { At = At(Received.AddMinutes(30)), Window = "PeopleMediation", Note = "邻里纠纷，请调解" }, Now, "王明", errors);
        var events = RouteToWindow.Decide(c, command, errors);

        Assert.IsType<ConsultationRouted>(events[0]);
        var handed = Assert.IsType<ConsultationRoutedToMediation>(events[1]);
        Assert.Equal(c.Id, handed.ConsultationId);
        Assert.Equal("刘德华", handed.Person.Name);
        Assert.Equal("13987654321", handed.Person.Phone);
        Assert.Equal("双河村", handed.Village);
        Assert.Equal(ConsultationTopic.MarriageFamily, handed.Topic);
        Assert.Equal("婚姻家庭", handed.TopicName);
        Assert.Equal(c.Question, handed.Question);
        Assert.Equal(new DateOnly(2020, 1, 22), handed.RoutedOn);
    }

    [Fact]
    public void A_routing_without_a_window_or_note_is_refused_and_a_closed_one_is_not_routed()
    {
        var errors = new InputErrors();
        Assert.Empty(RouteToWindow.Decide(Registered(), RouteToWindow.Read(new RouteToWindowInput { At = At(Now), Window = "Court" }, Now, "王明", errors), errors));
        Assert.True(errors.Has("window"));
        Assert.True(errors.Has("note"));

        var closed = new InputErrors();
        Assert.Empty(RouteToWindow.Decide(Answered(), RouteToWindow.Read(new RouteToWindowInput { At = At(Now), Window = "LegalAid", Note = "申请法律援助" }, Now, "王明", closed), closed));
        Assert.True(closed.Has("state"));
    }
}
