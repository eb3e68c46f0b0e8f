using Modular.Contracts.LegalServices;
using Modular.Contracts.Time;

namespace Modular.Modules.LegalServices.Consultations;

// What happened at the station, in its words and the past tense; each aliased legal-services.<event>.v1 in
// ConsultationsArea. Never change an event's meaning: add a new event (and a .v2 alias) instead.

/// <summary>
/// A visitor's matter was registered once, under the next number of its year. The period that applied when it arrived
/// (the township's setting then) is part of what happened: a later setting does not move its deadline.
/// </summary>
/// <param name="LetterDays">A letter's period to decide on it (<paramref name="LetterUnit"/>); null for other channels.</param>
/// <param name="ReplyHours">An online message's hours to answer it; null for other channels.</param>
/// <param name="Imported">Brought in from an earlier register (Excel), not registered at the station's desk.</param>
internal sealed record ConsultationRegistered(
    Guid Id,
    string Number,
    ConsultationChannel Channel,
    ConsultationTopic Topic,
    string Name,
    string? IdNumber,
    string? Phone,
    string Village,
    string? Address,
    string Question,
    DateTimeOffset ReceivedAt,
    int? LetterDays,
    PeriodUnit? LetterUnit,
    int? ReplyHours,
    bool Imported = false);

/// <summary>Answered (当场解答, or a reply to a letter or message): the answer given.</summary>
internal sealed record ConsultationAnswered(DateTimeOffset At, string Answer, string By);

/// <summary>The question needs a written opinion, which will follow (出具书面意见).</summary>
internal sealed record WrittenOpinionPromised(DateTimeOffset At, string? Note, string By);

internal sealed record WrittenOpinionGiven(DateTimeOffset At, string Opinion, string By);

/// <summary>Routed to a window of the station (转窗口办理), with a note for that window.</summary>
internal sealed record ConsultationRouted(DateTimeOffset At, ServiceWindow Window, string Note, string By);

/// <summary>The township's own periods: a letter decided on, an online message answered. Never longer than the standard's.</summary>
internal sealed record ConsultationPeriodsSet(int LetterDays, PeriodUnit LetterUnit, int OnlineReplyHours);
