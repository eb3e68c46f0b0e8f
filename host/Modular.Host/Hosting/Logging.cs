using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Modular.Host.Hosting;

/// <summary>
/// Console lines for people, rolling JSON files for machines; each line carries township, module and correlation id.
/// Both sinks are written by <see cref="BackgroundLogSink"/>, away from the request's thread, a batch every 100 ms: on
/// the request's thread a write took the sink's lock, formatted and wrote (the file sink under its cross-process
/// lock), and under load the requests queued on those locks. Nothing is dropped: a full buffer makes the writer wait,
/// and the buffer is written when the host stops.
/// </summary>
internal static class Logging
{
    private const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Township} {Module} {CorrelationId}{NewLine}{Exception}";

    /// <summary>Events waiting to be written, per sink: a few seconds of the heaviest load this machine serves.</summary>
    private const int BufferSize = 10_000;

    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration)
    {
        var options = configuration.GetSection(ModularOptions.Section).Get<ModularOptions>() ?? new ModularOptions();
        return logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("Marten", LogEventLevel.Warning)
            .MinimumLevel.Override("JasperFx", LogEventLevel.Warning)
            .MinimumLevel.Override("Npgsql", LogEventLevel.Warning)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Sink(new BackgroundLogSink(BufferSize, Sinks(options)));
    }

    /// <summary>Console and files as one sink, fed by the background writer with what the platform's logger let through.</summary>
    private static Serilog.Core.Logger Sinks(ModularOptions options) => new LoggerConfiguration()
        .MinimumLevel.Verbose()
        .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
        .WriteTo.File(new CompactJsonFormatter(), Path.Combine(options.LogsPath, "modular-.json"),
            // Kept by age, not by count: a day that rolls over at 50 MB would otherwise push older days out early.
            rollingInterval: RollingInterval.Day, retainedFileCountLimit: null, retainedFileTimeLimit: TimeSpan.FromDays(Math.Max(1, options.LogRetentionDays)),
            fileSizeLimitBytes: 50_000_000, rollOnFileSizeLimit: true,
            shared: true) // several host instances on one machine may write the same folder
        .CreateLogger();
}
