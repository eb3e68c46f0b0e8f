using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.FileProviders;
using Modular.Host.Identity;
using Modular.Host.Operations;
using Modular.Host.Plugins;
using Modular.Host.Reports;
using Modular.Host.Shell;
using Modular.Host.Telemetry;
using Modular.Host.Townships;
using Scalar.AspNetCore;
using Serilog;

namespace Modular.Host.Hosting;

/// <summary>
/// The request pipeline, in the order the architecture fixes: routing → township resolution → authentication →
/// module gate → authorization → endpoint.
/// </summary>
internal static class PlatformPipeline
{
    public static void UseModularPlatform(this WebApplication app, ModuleCatalog catalog)
    {
        app.UseSecurityHeaders();
        app.UseMiddleware<CorrelationMiddleware>();
        var metricsPath = PlatformTelemetry.Options(app.Configuration).Prometheus.Path;
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // One line per request, carrying what the inner middlewares learned: township, module, user.
            o.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                diagnostics.Set("Township", http.RequestServices.GetService<TownshipContext>()?.Current?.Slug);
                diagnostics.Set("Module", http.GetEndpoint()?.Metadata.GetMetadata<ModuleEndpoint>()?.ModuleId);
                diagnostics.Set("UserName", http.RequestServices.GetService<CurrentUser>()?.UserName);
            };
            o.GetLevel = (http, _, error) =>
                http.Response.StatusCode == StatusCodes.Status503ServiceUnavailable && error is null ? Serilog.Events.LogEventLevel.Warning // the outage is logged once, as such
                : error is not null || http.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") ? Serilog.Events.LogEventLevel.Verbose
                : http.Request.Path.StartsWithSegments(metricsPath) && http.Response.StatusCode == StatusCodes.Status200OK ? Serilog.Events.LogEventLevel.Verbose // scrapes; a refused one is logged
                : Serilog.Events.LogEventLevel.Information;
        });
        app.UseExceptionHandler("/error/500", createScopeForErrors: true);
        app.UsePlatformMetricsEndpoint(); // its own branch: never township resolution, the module gate or the output cache
        app.UseMiddleware<DatabaseOutage>();
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api
            .UseStatusCodePages(StatusProblems.WriteAsync)
            .UseMiddleware<ProblemMapping>());
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), pages => pages
            .UseStatusCodePagesWithReExecute("/error/{0}", createScopeForStatusCodePages: true)
            .Use(async (http, next) =>
            {
                var method = http.Request.Method;
                if (http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null)
                {
                    // The error page of a refused post (429 on a flooded form) is drawn as a GET: as a post it would be
                    // refused again by the antiforgery check, and the page's 400 would hide why.
                    http.Request.Method = HttpMethods.Get;
                }

                try
                {
                    await next(http);
                }
                catch (BadHttpRequestException bad) when (!http.Response.HasStarted)
                {
                    // A page's address that does not bind (binding throws, for the API's sake): its error page, not a 500.
                    http.Response.StatusCode = bad.StatusCode;
                }
                finally
                {
                    http.Request.Method = method;
                }
            }));

        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("zh-CN").AddSupportedCultures("zh-CN", "en").AddSupportedUICultures("zh-CN", "en");
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        app.UseStaticFiles();
        foreach (var module in catalog.Modules)
        {
            var wwwroot = Path.Combine(module.Folder, "wwwroot");
            if (Directory.Exists(wwwroot))
            {
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(wwwroot), RequestPath = $"/_plugins/{module.Assembly.GetName().Name}" });
            }
        }

        app.UseRouting();
        app.UseMiddleware<TownshipResolutionMiddleware>();
        app.UseAuthentication();
        app.UsePlatformRateLimits();
        app.UseMiddleware<TownshipAccessMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<RequestTextGate>();
        app.UseOutputCache(); // after the gate: a disabled module is never served from the cache
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthResponse.WriteAsync,
        });
        app.MapOpenApi();
        // Its inline scripts run under this response's CSP nonce; its fonts are the browser's, not a CDN's. Its bundled
        // zod probes for eval with Function("") (and falls back when refused): told to run without, it never asks, so the
        // page keeps the strict policy and the browser reports no violation.
        app.MapScalarApiReference("/api-reference", (o, http) =>
        {
            var nonce = SecurityHeaders.ScriptNonce(http);
            o.WithTitle("乡镇法治政府建设平台 API").WithNonce(nonce).DisableDefaultFonts();
            o.HeadContent = $"<script nonce=\"{nonce}\">globalThis.__zod_globalConfig = {{ jitless: true }};</script>";
        });

        app.MapAuthEndpoints();
        app.MapAdminEndpoints();
        County.CountyEndpoints.MapCountyEndpoints(app);
        app.MapTownshipEndpoints();
        app.MapReportEndpoints();
        app.MapShellEndpoints();
        ModuleRoutes.Map(app, catalog, app.Services.GetRequiredService<Serilog.ILogger>());
        ModuleRoutes.MapPages(app, catalog);
    }
}
