using System.Threading.RateLimiting;
using Marten;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Modular.Host.Identity.Audit;
using Modular.Host.Identity.Sessions;
using Modular.Host.Identity.SignIn;
using StoreOptions = Marten.StoreOptions;

namespace Modular.Host.Identity;

/// <summary>Sign-in, sessions, the audit trail and the rate limits: registered here, called once from the platform's services.</summary>
internal static class IdentityServices
{
    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SignInLocks>();
        services.AddSingleton<SessionRegistry>();
        services.AddSingleton<PasswordAge>();
        services.AddScoped<SecurityAudit>();
        services.AddScoped<SignInService>();
        services.AddScoped<SessionEnding>();
        services.AddScoped<AccountUnlock>();
        services.AddSingleton<AuditRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditRetention>());

        // Each request's session is checked against the registry: the cookie alone cannot outlive a sign-out.
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
            cookie.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<SessionRegistry>().ValidateAsync(context));

        services.AddRateLimiter(limits =>
        {
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => IsAnonymousWrite(http)
                ? RateLimitPartition.GetSlidingWindowLimiter("anonymous-writes:" + ClientAddress.Of(http), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.AnonymousWritesPerAddressPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            limits.OnRejected = (context, _) => RejectAsync(context);
        });
        return services;
    }

    /// <summary>The platform's own documents for identity, in the platform's (default) tenant.</summary>
    public static void ConfigureDocuments(StoreOptions store)
    {
        store.Schema.For<AuditEntry>().Index(e => e.At).Index(e => e.UserName).Index(e => e.Event);
        store.Schema.For<UserSession>().Index(s => s.UserName);
        store.Schema.For<SignInLock>().Index(l => l.UserName);
    }

    /// <summary>After authentication, so that a signed-in user's writes are not counted as anonymous.</summary>
    public static IApplicationBuilder UsePlatformRateLimits(this IApplicationBuilder app) => app.UseRateLimiter();

    private static bool IsAnonymousWrite(HttpContext http) =>
        http.User.Identity?.IsAuthenticated != true
        && !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));

    private static async ValueTask RejectAsync(OnRejectedContext context)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : TimeSpan.FromSeconds(10);
        http.Response.Headers.RetryAfter = AuthEndpoints.RetryAfterSeconds(wait);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Modular.Host.RateLimits")
            .LogWarning("Refused an anonymous {Method} {Path} from {Address}: over the per-address limit", http.Request.Method, http.Request.Path.Value, ClientAddress.Of(http));
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            // Pages get the shell's error page through the status-code pages; the API gets problem details that say why.
            await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "请求过于频繁 / Too many requests.",
                detail: $"请 {AuthEndpoints.RetryAfterSeconds(wait)} 秒后再试 / Try again in {AuthEndpoints.RetryAfterSeconds(wait)} seconds.",
                extensions: new Dictionary<string, object?> { ["correlationId"] = http.RequestServices.GetRequiredService<Operations.Correlation>().Id })
                .ExecuteAsync(http);
        }
    }
}
