using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Host.Identity.Audit;
using Modular.Host.Identity.Sessions;
using Modular.Host.Identity.SignIn;

namespace Modular.Host.Identity;

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record TownshipMembership(string Slug, string Name, IReadOnlyList<string> Roles);

public sealed record MeResponse(string UserName, string DisplayName, bool IsPlatformAdmin, IReadOnlyList<TownshipMembership> Townships, bool PasswordChangeDue);

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/auth").WithTags("auth");
        auth.MapPost("/login", LoginAsync).AllowAnonymous();
        auth.MapPost("/logout", async (HttpContext http, SignInService signIn) =>
        {
            await signIn.SignOutAsync(http);
            return TypedResults.NoContent();
        });
        auth.MapGet("/me", MeAsync).RequireAuthorization();
        auth.MapPost("/password", async (ChangePasswordRequest request, HttpContext http, CurrentUser user, UserAdministration users, CancellationToken ct) =>
        {
            await users.ChangeOwnPasswordAsync(user.UserName, request.CurrentPassword, request.NewPassword, http.User.FindFirstValue(SessionRegistry.SessionClaim), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization();
        auth.MapGet("/sessions", async (HttpContext http, CurrentUser user, SessionRegistry sessions, CancellationToken ct) =>
            TypedResults.Ok(await sessions.ListAsync(user.UserName, http.User.FindFirstValue(SessionRegistry.SessionClaim), ct))).RequireAuthorization();
        auth.MapDelete("/sessions/{id}", async Task<Results<NoContent, NotFound>> (string id, CurrentUser user, SessionEnding ending, CancellationToken ct) =>
            await ending.EndOwnAsync(user.UserName, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound()).RequireAuthorization();
        IdentityAdminEndpoints.Map(routes);
    }

    /// <summary>
    /// Signs in: 204 with the session cookie; 401 for a wrong name or password (an unknown name answers exactly the same);
    /// 423 while this account is locked for this address; 429 over the rate limits; both with Retry-After.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> LoginAsync(LoginRequest request, HttpContext http, SignInService signIn)
    {
        var result = await signIn.SignInAsync(request.UserName, request.Password, http);
        if (result.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds(wait);
        }

        return result.Outcome switch
        {
            SignInOutcome.SignedIn => TypedResults.NoContent(),
            SignInOutcome.LockedOut => TypedResults.Problem(
                title: "账户已锁定 / The account is locked.",
                detail: LockedMessage(result.LockedUntil!.Value),
                statusCode: StatusCodes.Status423Locked),
            SignInOutcome.TooManyAttempts => TypedResults.Problem(
                title: "尝试过于频繁 / Too many sign-in attempts.",
                detail: TooManyMessage(result.RetryAfter!.Value),
                statusCode: StatusCodes.Status429TooManyRequests),
            _ => TypedResults.Problem(title: "用户名或密码错误 / Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized),
        };
    }

    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    public static string LockedMessage(DateTimeOffset until) =>
        $"密码错误次数过多，此账户在本地址的登录已暂停至 {TimeZoneInfo.ConvertTime(until, Modular.Kit.TownshipTime.Zone):yyyy-MM-dd HH:mm}（北京时间），可请平台管理员解锁 / Too many wrong passwords: sign-in to this account from this address is paused until then (Beijing time); the platform administrator can unlock it.";

    public static string TooManyMessage(TimeSpan wait) =>
        $"登录尝试过于频繁，请 {RetryAfterSeconds(wait)} 秒后再试 / Too many sign-in attempts: try again in {RetryAfterSeconds(wait)} seconds.";

    private static async Task<Ok<MeResponse>> MeAsync(CurrentUser user, PasswordAge passwordAge, Townships.TownshipDirectory townships, CancellationToken cancellationToken)
    {
        var account = user.Account!;
        var memberships = new List<TownshipMembership>();
        foreach (var township in await townships.AllAsync(cancellationToken))
        {
            if (account.CanEnter(township.Slug))
            {
                memberships.Add(new TownshipMembership(township.Slug, township.Name, account.RolesIn(township.Slug)));
            }
        }

        return TypedResults.Ok(new MeResponse(account.UserName, account.DisplayName, account.IsPlatformAdmin, memberships, passwordAge.ChangeDue(account)));
    }
}
