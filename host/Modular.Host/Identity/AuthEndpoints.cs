using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Modular.Host.Identity;

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record TownshipMembership(string Slug, string Name, IReadOnlyList<string> Roles);

public sealed record MeResponse(string UserName, string DisplayName, bool IsPlatformAdmin, IReadOnlyList<TownshipMembership> Townships);

internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/auth").WithTags("auth");
        auth.MapPost("/login", LoginAsync).AllowAnonymous();
        auth.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        });
        auth.MapGet("/me", MeAsync).RequireAuthorization();
        auth.MapPost("/password", async (ChangePasswordRequest request, CurrentUser user, UserAdministration users, CancellationToken ct) =>
        {
            await users.ChangeOwnPasswordAsync(user.UserName, request.CurrentPassword, request.NewPassword, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization();
    }

    /// <summary>Signs in: 204 with the session cookie, 401 for a wrong name or password, 423 while the account is locked.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> LoginAsync(LoginRequest request, HttpContext http, UserAdministration users)
    {
        var result = await users.SignInAsync(request.UserName, request.Password, http.RequestAborted);
        return result.Outcome switch
        {
            SignInOutcome.SignedIn => await SignInAsync(http, result.User!),
            SignInOutcome.LockedOut => TypedResults.Problem(
                title: "账户已锁定 / The account is locked.",
                detail: LockedMessage(result.LockedUntil!.Value),
                statusCode: StatusCodes.Status423Locked),
            _ => TypedResults.Problem(title: "用户名或密码错误 / Wrong user name or password.", statusCode: StatusCodes.Status401Unauthorized),
        };
    }

    public static string LockedMessage(DateTimeOffset until) =>
        $"连续5次密码错误，账户锁定至 {TimeZoneInfo.ConvertTime(until, Modular.Kit.TownshipTime.Zone):yyyy-MM-dd HH:mm}（北京时间）/ Five wrong passwords in a row: locked for 15 minutes.";

    public static async Task<NoContent> SignInAsync(HttpContext http, UserAccount user)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.UserName), new Claim("display_name", user.DisplayName)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MeResponse>> MeAsync(CurrentUser user, Townships.TownshipDirectory townships, CancellationToken cancellationToken)
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

        return TypedResults.Ok(new MeResponse(account.UserName, account.DisplayName, account.IsPlatformAdmin, memberships));
    }
}
