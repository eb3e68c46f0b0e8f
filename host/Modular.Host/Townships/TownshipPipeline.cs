using System.Security.Claims;
using Modular.Host.Identity;
using Modular.Host.Plugins;
using Serilog.Context;

namespace Modular.Host.Townships;

/// <summary>
/// Runs after routing: finds the township named by the route (<c>/t/{township}/...</c>, <c>/api/t/{township}/...</c>),
/// answering 404 when there is none. Runs before authentication, which needs no township.
/// </summary>
internal sealed class TownshipResolutionMiddleware(RequestDelegate next, TownshipDirectory directory)
{
    public const string RouteKey = "township";

    public async Task InvokeAsync(HttpContext context, TownshipContext township)
    {
        if (context.GetRouteValue(RouteKey) is string slug)
        {
            var record = await directory.FindAsync(slug, context.RequestAborted);
            if (record is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (record.MovingTo is { } target)
            {
                // move-township copies the records: nothing may be written meanwhile, and nothing read that is about to move.
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "30";
                await TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "乡镇数据正在迁移 / The township's records are being moved.",
                    Detail = $"{record.Name} 的数据正在迁移到数据库 {target}，请稍后重试 / {record.Slug} is being moved to database {target}; try again shortly.",
                }).ExecuteAsync(context);
                return;
            }

            township.Set(record);
        }

        using (LogContext.PushProperty("Township", township.Current?.Slug))
        {
            await next(context);
        }
    }
}

/// <summary>
/// Runs after authentication: loads the signed-in user, hides other townships from them (404, never 403, which would
/// tell them the record exists), and gates module endpoints on the module being loaded and enabled for the township.
/// </summary>
internal sealed class TownshipAccessMiddleware(RequestDelegate next, UserDirectory users, ModuleCatalog catalog)
{
    public async Task InvokeAsync(HttpContext context, CurrentUser currentUser, TownshipContext township)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.FindFirstValue(ClaimTypes.Name) is { } userName)
        {
            if (await users.FindAsync(userName, context.RequestAborted) is { } account)
            {
                currentUser.Set(account);
            }
            else
            {
                // The account behind a still-valid cookie no longer exists: treat the caller as anonymous.
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }

        var endpoint = context.GetEndpoint();
        var module = endpoint?.Metadata.GetMetadata<ModuleEndpoint>();
        // Public pages (a portal, a request form) are open to every visitor, signed in elsewhere or not.
        var isPublic = endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
        using (LogContext.PushProperty("Module", module?.ModuleId))
        {
            if (township.Record is { } record)
            {
                if (!isPublic && currentUser.Account is { } account && !account.CanEnter(record.Slug))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                if (module is not null && (catalog.Find(module.ModuleId) is null || !record.IsEnabled(module.ModuleId)))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
            }

            await next(context);
        }
    }
}
