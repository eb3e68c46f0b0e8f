using Marten.Exceptions;
using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>
/// Writes to an attempt without the person's version: two tabs (or the page and a settling read) saving at the same
/// instant are both kept. Each write takes the attempt's stream row <c>for update</c> in its own transaction
/// (<c>FetchForExclusiveWriting</c>), decides against what is there now and appends; a second write to the same attempt
/// waits those few milliseconds for the first to commit and then decides on what it left, so no answer is lost, no
/// save is refused for racing, and the snapshot never misses an event. Last write wins per question, by the order the
/// writes took the lock.
/// </summary>
/// <remarks>
/// An earlier version read without the lock and retried on a version conflict: 12 tries with a growing pause held for
/// two tabs on a quiet machine, but on a loaded one (a CI machine running every suite at once) a save could lose 12
/// races in a row and answer 409, which the person sees as an answer not saved. The retry stays as the net for a
/// writer that does not lock and for a lock wait that times out (<c>StreamLockedException</c>).
/// </remarks>
internal sealed class AttemptWriter(IDocumentSession session)
{
    public const int MaxTries = 12;

    /// <summary>Runs <paramref name="decide"/> on the attempt and saves its events; false when the attempt is not this township's.</summary>
    public async Task<bool> WriteAsync(Guid id, Func<ExamAttempt, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var stream = await session.Events.FetchForExclusiveWriting<ExamAttempt>(id, ct);
                if (stream.Aggregate is null)
                {
                    return false;
                }

                var events = decide(stream.Aggregate);
                if (events.Count == 0)
                {
                    return true;
                }

                stream.AppendMany([.. events]);
                await session.SaveChangesAsync(ct);
                return true;
            }
            catch (Exception conflict) when (attempt < MaxTries && (VersionConflict.Is(conflict) || conflict is StreamLockedException))
            {
                session.EjectAllPendingChanges();
                await Task.Delay(Random.Shared.Next(2, 10 * attempt), ct);
            }
        }
    }

    /// <summary>Submits at its deadline, with what was saved, an attempt whose time is up; nothing when it is not.</summary>
    public Task<bool> SettleAsync(Guid id, DateTimeOffset now, CancellationToken ct) =>
        WriteAsync(id, a => Settling(a, now), ct);

    /// <summary>The submission an open attempt past its deadline is due: scored at the deadline, marked automatic.</summary>
    public static IReadOnlyList<object> Settling(ExamAttempt attempt, DateTimeOffset now) =>
        attempt.State == AttemptState.Open && now >= attempt.DeadlineAt ? [SubmitAttempt.Scored(attempt, attempt.DeadlineAt, auto: true, Paper.NewVerificationCode())] : [];
}
