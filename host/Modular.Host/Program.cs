using Autofac.Extensions.DependencyInjection;
using Modular.Host.Hosting;
using Modular.Host.Storage;
using Modular.Host.Time;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddOfficialHolidayCalendar();
builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
builder.Host.ConfigureContainer<Autofac.ContainerBuilder>(PlatformServices.ConfigureContainer);

var bootstrapLog = Logging.Configure(new LoggerConfiguration(), builder.Configuration).CreateLogger();
var timeline = new StartupTimeline(bootstrapLog);
builder.Services.AddSingleton(timeline);
// Each host keeps its own logger (preserveStaticLogger): test runs start several hosts in one process.
builder.Services.AddSerilog((_, logger) => Logging.Configure(logger, builder.Configuration), preserveStaticLogger: true);

await timeline.TimeAsync("database", () => builder.EnsureDatabaseAsync(bootstrapLog));
var catalog = builder.AddModularPlatform(bootstrapLog, timeline);

var app = timeline.Time("container", builder.Build);
if (ProjectionRebuild.IsRequested(args))
{
    // An operations command, not a server: rebuild the modules' projections from the events, then exit.
    var exitCode = await ProjectionRebuild.RunAsync(app.Services, args, CancellationToken.None);
    await app.DisposeAsync();
    await bootstrapLog.DisposeAsync();
    return exitCode;
}

if (Modular.Host.Storage.Databases.TownshipMove.IsRequested(args))
{
    // An operations command: move one township's records to another database, then exit.
    var exitCode = await Modular.Host.Storage.Databases.TownshipMove.RunAsync(app.Services, args, CancellationToken.None);
    await app.DisposeAsync();
    await bootstrapLog.DisposeAsync();
    return exitCode;
}

timeline.Time("pipeline", () =>
{
    app.UseModularPlatform(catalog);
    return true;
});
PrebuiltEndpoints.Begin(app, timeline);
timeline.ResetMark();

app.Lifetime.ApplicationStarted.Register(() =>
{
    timeline.Mark("server");
    timeline.Summarise();
    foreach (var address in app.Urls)
    {
        app.Logger.LogInformation("平台已启动，请登录 / The platform is up; sign in at {SignIn}", address.TrimEnd('/') + "/signin");
    }
});

await app.RunAsync();
await bootstrapLog.DisposeAsync();
return 0;

/// <summary>The host's entry point; public so tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
