using Modular.Contracts.Time;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>When a request's reply falls due, or why the clock is not running.</summary>
/// <param name="DueOn">Null while the clock stands still waiting for the applicant's correction.</param>
internal sealed record ReplyDue(DateOnly? DueOn, bool Overdue, bool Provisional, DateOnly? CorrectionNoticeDueOn);

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
        var noticeDue = clock.Deadline(request.ReceivedOn, CorrectionNoticePeriod).Date;
        if (request.State == RequestState.AwaitingCorrection)
        {
            return new ReplyDue(null, false, false, noticeDue);
        }

        var due = DueOn(request);
        var overdue = request.IsOpen && due.Date < clock.Today;
        return new ReplyDue(due.Date, overdue, due.IsProvisional, noticeDue);
    }

    /// <summary>The reply's last day, as if the clock were running (used also to check an extension notice is in time).</summary>
    public StatutoryDate DueOn(DisclosureRequest request)
    {
        var period = StatutoryPeriod.WorkingDays(ReplyPeriod.Length + request.ExtensionWorkingDays);
        // Art 32: consulting a third party stops the clock from the day the letter goes out to the day the answer comes.
        var pauses = request.Consultations
            .Where(c => c.SentOn >= request.ClockStartsOn)
            .Select(c => new ClockPause(c.SentOn, c.RepliedOn));
        return clock.Deadline(request.ClockStartsOn, period, pauses);
    }

    public DateOnly CorrectionNoticeDueOn(DisclosureRequest request) => clock.Deadline(request.ReceivedOn, CorrectionNoticePeriod).Date;
}
