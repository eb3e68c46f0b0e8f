using Modular.Contracts.LegalServices;
using Modular.Contracts.Modules;
using Modular.Contracts.Time;
using Modular.Kit;
using Modular.Kit.Steps;
using Modular.Modules.LegalServices.Consultations.Steps;

namespace Modular.Modules.LegalServices.Consultations;

/// <summary>
/// A consultation (法律咨询) registered once at the station and where it stands: the inline snapshot of its stream,
/// built by <c>Create</c> and <c>Apply</c> from its events.
/// </summary>
internal sealed class Consultation
{
    /// <summary>
    /// Which outcome each state allows, written once: the API refuses a step out of turn, the page offers only these,
    /// the due list asks only for open ones. A written opinion later keeps the matter open until it is given.
    /// </summary>
    public static readonly StepTable<Consultation, ConsultationState> Steps = new StepTable<Consultation, ConsultationState>(c => c.State, ConsultationVocabulary.Label)
        .Allow(AnswerConsultation.Step, ConsultationState.Registered)
        .Allow(PromiseWrittenOpinion.Step, ConsultationState.Registered)
        .Allow(GiveWrittenOpinion.Step, ConsultationState.AwaitingOpinion)
        .Allow(RouteToWindow.Step, ConsultationState.Registered, ConsultationState.AwaitingOpinion);

    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Number { get; set; } = "";

    public ConsultationChannel Channel { get; set; }

    public ConsultationTopic Topic { get; set; }

    public string Name { get; set; } = "";

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public string Village { get; set; } = "";

    public string? Address { get; set; }

    public string Question { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The township's day of receipt: the register's period filters and the letter's clock count from it.</summary>
    public DateOnly ReceivedOn { get; set; }

    public int? LetterDays { get; set; }

    public PeriodUnit? LetterUnit { get; set; }

    public int? ReplyHours { get; set; }

    /// <summary>An online message's deadline, an instant: <see cref="ReplyHours"/> after it arrived.</summary>
    public DateTimeOffset? ReplyDueAt { get; set; }

    public bool Imported { get; set; }

    public ConsultationState State { get; set; }

    public bool IsOpen { get; set; }

    public string? Answer { get; set; }

    public DateTimeOffset? OpinionPromisedAt { get; set; }

    public string? OpinionNote { get; set; }

    public string? Opinion { get; set; }

    public ServiceWindow? Window { get; set; }

    public string? RoutingNote { get; set; }

    /// <summary>When it was answered, its opinion given or it was routed: the clocks stop then.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? ClosedBy { get; set; }

    /// <summary>The last step's instant: a step is never recorded before it.</summary>
    public DateTimeOffset LastStepAt => OpinionPromisedAt is { } promised && ClosedAt is null ? promised : ClosedAt ?? ReceivedAt;

    public StatutoryPeriod? LetterPeriod => LetterDays is { } days && LetterUnit is { } unit ? new StatutoryPeriod(days, unit) : null;

    public static Consultation Create(ConsultationRegistered e) => new()
    {
        Id = e.Id,
        Number = e.Number,
        Channel = e.Channel,
        Topic = e.Topic,
        Name = e.Name,
        IdNumber = e.IdNumber,
        Phone = e.Phone,
        Village = e.Village,
        Address = e.Address,
        Question = e.Question,
        ReceivedAt = e.ReceivedAt,
        ReceivedOn = TownshipTime.DayOf(e.ReceivedAt),
        LetterDays = e.LetterDays,
        LetterUnit = e.LetterUnit,
        ReplyHours = e.ReplyHours,
        ReplyDueAt = e.ReplyHours is { } hours ? new Kit.Time.HourPeriod(hours).DueAt(e.ReceivedAt) : null,
        Imported = e.Imported,
        State = ConsultationState.Registered,
        IsOpen = true,
    };

    public void Apply(ConsultationAnswered e)
    {
        State = ConsultationState.Answered;
        Answer = e.Answer;
        Close(e.At, e.By);
    }

    public void Apply(WrittenOpinionPromised e)
    {
        State = ConsultationState.AwaitingOpinion;
        OpinionPromisedAt = e.At;
        OpinionNote = e.Note;
    }

    public void Apply(WrittenOpinionGiven e)
    {
        State = ConsultationState.OpinionGiven;
        Opinion = e.Opinion;
        Close(e.At, e.By);
    }

    public void Apply(ConsultationRouted e)
    {
        State = ConsultationState.Routed;
        Window = e.Window;
        RoutingNote = e.Note;
        Close(e.At, e.By);
    }

    /// <summary>Whose data, as the township admin's audit list names it: never a value.</summary>
    public string Subject() => $"法律咨询 {Number} / {Name}";

    private void Close(DateTimeOffset at, string by)
    {
        IsOpen = false;
        ClosedAt = at;
        ClosedOn = TownshipTime.DayOf(at);
        ClosedBy = by;
    }
}

/// <summary>The yearly counter behind consultation numbers (2020-0001), versioned so two clerks never take one number.</summary>
internal sealed class ConsultationNumberCounter : IYearCounter
{
    public string Id { get; set; } = "";

    public int Last { get; set; }
}
