using Marten;
using Modular.Host.Identity.Audit;

namespace Modular.Host.Identity.Sessions;

/// <summary>A user ends one of their own sessions (another browser, a lost phone), recorded in the audit trail.</summary>
internal sealed class SessionEnding(IDocumentStore store, SessionRegistry sessions, Caching.CacheInvalidation caches, SecurityAudit audit)
{
    public async Task<bool> EndOwnAsync(string userName, string id, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (!await sessions.RevokeAsync(session, userName, id, cancellationToken))
        {
            return false;
        }

        audit.Add(session, AuditEvents.SessionRevoked, AuditOutcomes.Success, $"会话 / session {id[..8]}…", userName);
        caches.Announce(session, Caching.CacheChange.ForSession(id));
        await session.SaveChangesAsync(cancellationToken);
        return true;
    }
}
