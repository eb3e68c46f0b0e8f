using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>
/// Writes to an attempt without the person's version: two tabs (or the page and a settling read) saving at the same
/// instant are both kept. Each write reads the attempt, decides against what is there now and appends at that version;
/// the loser of a race reads again and decides again, so no answer is lost and the snapshot never misses an event.
/// Last write wins per question, by the order the writes reached the database.
/// </summary>
internal sealed class AttemptWriter(IDocumentSession session)
{
    public const int MaxTries = 12;

    /// <summary>Runs <paramref name="decide"/> on the attempt and saves its events; false when the attempt is not this township's.</summary>
    public async Task<bool> WriteAsync(Guid id, Func<ExamAttempt, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stream = await session.Events.FetchForWriting<ExamAttempt>(id, ct);
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
            try
            {
                await session.SaveChangesAsync(ct);
                return true;
            }
            catch (Exception conflict) when (attempt < MaxTries && VersionConflict.Is(conflict))
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
