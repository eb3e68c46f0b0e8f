using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Modular.Host.Hosting;

/// <summary>
/// Console lines for people, rolling JSON files for machines; each line carries township, module and correlation id.
/// Both sinks write from a background thread: on the request's thread a write took the sink's lock, formatted and
/// wrote (the file sink under its cross-process lock), and under load the requests queued on those locks — 15 % of the
/// host's request time in the profile of <c>bench/results.md</c>. Nothing is dropped: a full buffer makes the writer
/// wait (<c>blockWhenFull</c>), and the buffer is flushed when the host stops.
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
            .WriteTo.Async(
                sink => sink.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture),
                bufferSize: BufferSize, blockWhenFull: true)
            .WriteTo.Async(
                sink => sink.File(new CompactJsonFormatter(), Path.Combine(options.LogsPath, "modular-.json"),
                    // Kept by age, not by count: a day that rolls over at 50 MB would otherwise push older days out early.
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: null, retainedFileTimeLimit: TimeSpan.FromDays(Math.Max(1, options.LogRetentionDays)),
                    fileSizeLimitBytes: 50_000_000, rollOnFileSizeLimit: true,
                    shared: true), // several host instances on one machine may write the same folder
                bufferSize: BufferSize, blockWhenFull: true);
    }
}
