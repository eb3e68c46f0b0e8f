using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Modular.Contracts.Modules;

namespace Modular.Host.Identity;

/// <summary>The platform's authorization policies by name.</summary>
public static class Policies
{
    /// <summary>County IT: townships, users, installed modules.</summary>
    public const string PlatformAdmin = PlatformRoles.PlatformAdmin;

    /// <summary>Administers the current township.</summary>
    public const string TownshipAdmin = PlatformRoles.TownshipAdmin;

    /// <summary>Any signed-in user of the current township.</summary>
    public const string TownshipMember = "township-member";

    /// <summary>县级法治办 of the county named by the route's <c>{countyCode}</c>.</summary>
    public const string CountyOffice = PlatformRoles.CountyOffice;

    /// <summary>The route value the county pages and API name their county with.</summary>
    public const string CountyRouteKey = "countyCode";
}

internal sealed record CountyOfficeRequirement : IAuthorizationRequirement;

internal sealed record PlatformAdminRequirement : IAuthorizationRequirement;

internal sealed record TownshipRoleRequirement(string? Role) : IAuthorizationRequirement;

/// <summary>A module permission such as <c>mediation.disputes.write</c>, held through a role in the current township.</summary>
internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>
/// Policies by name: the platform's own, and every module permission (any name with a dot) as a policy of its own,
/// so a module writes <c>.RequireAuthorization("mediation.disputes.write")</c> and nothing more.
/// </summary>
internal sealed class PlatformPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    // A policy is a pure function of its name: built once, not on every request.
    private readonly ConcurrentDictionary<string, AuthorizationPolicy> _built = new(StringComparer.Ordinal);

    /// <summary>The authorization middleware may then keep each endpoint's combined policy instead of asking per request.</summary>
    public override bool AllowsCachingPolicies => true;

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (_built.TryGetValue(policyName, out var built))
        {
            return built;
        }

        IAuthorizationRequirement? requirement = policyName switch
        {
            Policies.PlatformAdmin => new PlatformAdminRequirement(),
            Policies.TownshipAdmin => new TownshipRoleRequirement(PlatformRoles.TownshipAdmin),
            Policies.TownshipMember => new TownshipRoleRequirement(null),
            Policies.CountyOffice => new CountyOfficeRequirement(),
            _ when policyName.Contains('.', StringComparison.Ordinal) => new PermissionRequirement(policyName),
            _ => null,
        };
        return requirement is null
            ? await base.GetPolicyAsync(policyName)
            : _built.GetOrAdd(policyName, new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(requirement).Build());
    }
}

/// <summary>Decides the platform's requirements from the current user, loaded once per request.</summary>
internal sealed class PlatformAuthorizationHandler(IHttpContextAccessor http) : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        if (http.HttpContext?.RequestServices.GetService<CurrentUser>() is not { Account: { } account } user)
        {
            return Task.CompletedTask;
        }

        var township = http.HttpContext.RequestServices.GetRequiredService<Townships.TownshipContext>().Current;
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            var met = requirement switch
            {
                PlatformAdminRequirement => account.IsPlatformAdmin,
                TownshipRoleRequirement { Role: null } => township is not null && account.CanEnter(township.Slug),
                TownshipRoleRequirement { Role: { } role } => user.IsInRole(role),
                PermissionRequirement { Permission: var permission } => user.HasPermission(permission),
                CountyOfficeRequirement => http.HttpContext.GetRouteValue(Policies.CountyRouteKey) is string county && account.HoldsCountyOffice(county),
                _ => false,
            };
            if (met)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// The authorization middleware resolves its policy evaluator on every request, and with it the authorization service,
/// the handler provider and all their dependencies: some fifteen resolutions, each through Autofac's pipeline. All of
/// them are stateless, and so are the handlers (each reads the request it is given), so one instance serves every
/// request. Left as they are when any handler is scoped, which a singleton would hold on to.
/// </summary>
internal static class StatelessAuthorization
{
    public static void Apply(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(IAuthorizationHandler) && d.Lifetime == ServiceLifetime.Scoped))
        {
            return;
        }

        services.AddSingleton<IAuthorizationHandlerProvider, DefaultAuthorizationHandlerProvider>();
        services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.Policy.IPolicyEvaluator, Microsoft.AspNetCore.Authorization.Policy.PolicyEvaluator>();
    }
}
