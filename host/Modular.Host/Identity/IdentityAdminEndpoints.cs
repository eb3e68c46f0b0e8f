using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Host.Identity.Audit;
using Modular.Host.Identity.SignIn;

namespace Modular.Host.Identity;

public sealed record UnlockResponse(string UserName, int LocksCleared);

/// <summary>The platform admin's side of sign-in: the audit trail and unlocking an account.</summary>
internal static class IdentityAdminEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/admin").WithTags("admin").RequireAuthorization(Policies.PlatformAdmin);

        admin.MapGet("/audit", async (string? user, string? @event, DateOnly? from, DateOnly? to, int? take, SecurityAudit audit, CancellationToken ct) =>
            TypedResults.Ok(await audit.FindAsync(new AuditQuery(user, @event, from, to, take ?? 100), ct)));

        admin.MapPost("/users/{userName}/unlock", async Task<Results<Ok<UnlockResponse>, NotFound>> (string userName, AccountUnlock unlock, CancellationToken ct) =>
            await unlock.UnlockAsync(userName, ct) is { } cleared ? TypedResults.Ok(new UnlockResponse(userName, cleared)) : TypedResults.NotFound());
    }
}

/// <summary>Lifts every lock on an account, whatever address earned it, and records who did.</summary>
internal sealed class AccountUnlock(IDocumentStore store, UserDirectory users, SignInLocks locks, SecurityAudit audit)
{
    /// <summary>The number of locks cleared, or null when there is no such user.</summary>
    public async Task<int?> UnlockAsync(string userName, CancellationToken cancellationToken)
    {
        if (await users.FindAsync(userName, cancellationToken) is null)
        {
            return null;
        }

        var cleared = await locks.UnlockAsync(userName, cancellationToken);
        await using var session = store.LightweightSession();
        audit.Add(session, AuditEvents.Unlock, AuditOutcomes.Success, $"解除 {cleared} 处锁定 / {cleared} locks cleared", target: userName);
        await session.SaveChangesAsync(cancellationToken);
        return cleared;
    }
}
