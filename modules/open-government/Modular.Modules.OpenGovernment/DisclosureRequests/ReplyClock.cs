using Modular.Contracts.Time;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>When a request's reply falls due, or why the clock is not running.</summary>
/// <param name="Reply">Null while the clock stands still waiting for the applicant's correction.</param>
internal sealed record ReplyDue(StatutoryDate? Reply, bool Overdue, StatutoryDate CorrectionNotice)
{
    public DateOnly? DueOn => Reply?.Date;

    public bool Provisional => Reply?.IsProvisional == true;

    public DateOnly CorrectionNoticeDueOn => CorrectionNotice.Date;
}

/// <summary>The request's working-day clock, computed from its events each time it is read (an open pause moves it daily).</summary>
internal sealed class ReplyClock(IStatutoryClock clock)
{
    // 政府信息公开条例 Art 33: reply within 20 working days of receipt; one extension of at most 20 more, with notice.
    public static readonly StatutoryPeriod ReplyPeriod = StatutoryPeriod.WorkingDays(20);
    public const int MaxExtension = 20;

    // 政府信息公开条例 Art 30: one correction notice, within 7 working days of receipt.
    public static readonly StatutoryPeriod CorrectionNoticePeriod = StatutoryPeriod.WorkingDays(7);

    public DateOnly Today => clock.Today;

    public ReplyDue For(DisclosureRequest request)
    {
        var noticeDue = CorrectionNoticeDueOn(request);
        if (request.State == RequestState.AwaitingCorrection)
        {
            return new ReplyDue(null, false, noticeDue);
        }

        var due = DueOn(request);
        var overdue = request.IsOpen && due.Date < clock.Today;
        return new ReplyDue(due, overdue, noticeDue);
    }

    /// <summary>The reply's last day, as if the clock were running (used also to check an extension notice is in time).</summary>
    public StatutoryDate DueOn(DisclosureRequest request)
    {
        var period = StatutoryPeriod.WorkingDays(ReplyPeriod.Length + request.ExtensionWorkingDays);
        // Art 33 ¶2: time spent consulting a third party does not count, from the day the letter goes out to the day
        // the answer comes; Art 32 gives the third party 15 working days, so a silent one stops the clock no longer.
        var pauses = request.Consultations
            .Where(c => c.SentOn >= request.ClockStartsOn)
            .Select(Pause);
        return clock.Deadline(request.ClockStartsOn, period, pauses);
    }

    private ClockPause Pause(Consultation consultation)
    {
        var lastDayForAnswer = clock.Deadline(consultation.SentOn, ThirdPartyPeriod).Date;
        var end = consultation.RepliedOn is { } replied && replied < lastDayForAnswer ? replied
            : consultation.RepliedOn is null && clock.Today < lastDayForAnswer ? (DateOnly?)null
            : lastDayForAnswer;
        return new ClockPause(consultation.SentOn, end);
    }

    // 政府信息公开条例 Art 32: the third party answers within 15 working days of receiving the letter.
    public static readonly StatutoryPeriod ThirdPartyPeriod = StatutoryPeriod.WorkingDays(15);

    public StatutoryDate CorrectionNoticeDueOn(DisclosureRequest request) => clock.Deadline(request.ReceivedOn, CorrectionNoticePeriod);
}
