using Modular.Contracts.Modules;
using Modular.Contracts.Time;
using Modular.Kit;

namespace Modular.Modules.LegalServices.Consultations;

/// <summary>A consultation's deadline: a letter's last day, or an online message's last instant.</summary>
/// <param name="DueOn">The last day in the township's calendar (for an online message, the day its hours end).</param>
/// <param name="DueAt">An online message's exact end; null for a letter, whose whole last day counts.</param>
/// <param name="Met">Closed in time; null while open.</param>
internal sealed record ConsultationDeadline(DateOnly DueOn, DateTimeOffset? DueAt, bool IsProvisional, LocalizedText Rule, bool Overdue, bool? Met);

/// <summary>
/// The two clocks of the register: a letter decided on within its period (counted by the statutory clock from the day
/// after receipt), an online message answered within its hours (an instant-based period that runs through nights and
/// holidays). Other channels are answered or routed as they come and have no clock. The period is the one in force when
/// the matter arrived (recorded on it); an answer, a written opinion or a routing stops the clock, a promise of a
/// written opinion does not.
/// </summary>
internal sealed class ConsultationClock(IStatutoryClock clock, TimeProvider time)
{
    public DateOnly Today => clock.Today;

    public DateTimeOffset Now => time.GetUtcNow();

    public ConsultationDeadline? Of(Consultation c)
    {
        if (c.LetterPeriod is { } period)
        {
            var due = clock.Deadline(c.ReceivedOn, period);
            return new(due.Date, null, due.IsProvisional, LetterRule(period), c.IsOpen && due.Date < Today, c.ClosedOn is { } closed ? closed <= due.Date : null);
        }

        if (c.ReplyDueAt is { } dueAt && c.ReplyHours is { } hours)
        {
            return new(TownshipTime.DayOf(dueAt), dueAt, false, OnlineRule(hours), c.IsOpen && dueAt < Now, c.ClosedAt is { } closed ? closed <= dueAt : null);
        }

        return null;
    }

    public static LocalizedText LetterRule(StatutoryPeriod period) =>
        new($"公共法律服务规范：来信{period}内办理", $"Service standard: a letter is decided on within {period.Length} {(period.Unit == PeriodUnit.WorkingDays ? "working days" : "days")}");

    public static LocalizedText OnlineRule(int hours) =>
        new($"公共法律服务规范：网上留言{hours}小时内答复", $"Service standard: an online message is answered within {hours} hours");
}
