using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Study.Steps;

/// <summary>What every step posts: the version of the session the clerk read.</summary>
internal abstract class StudyStepInput
{
    public long? Version { get; set; }
}

/// <summary>What a session's step reads of the platform, for the API and the page alike: today, who records it, the session.</summary>
internal sealed class StudyStepContext(IDocumentSession session, TimeProvider time, ICurrentUser user)
{
    public DateOnly Today => TownshipTime.Today(time);

    public DateTimeOffset Now => time.GetUtcNow();

    public string By => user.DisplayName;

    public IDocumentSession Session => session;

    /// <summary>Opens the session at the version read, lets the pure decision return the events, refuses all at once or saves.</summary>
    public Task<bool> RunAsync(Guid id, long? version, InputErrors errors, Func<StudySession, IReadOnlyList<object>> decide, CancellationToken ct) =>
        session.RunStepAsync(id, version, errors, decide, ct);
}
