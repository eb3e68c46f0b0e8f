using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Modular.Host.Hosting;

/// <summary>Console lines for people, rolling JSON files for machines; each line carries township, module and correlation id.</summary>
internal static class Logging
{
    private const string ConsoleTemplate =
        "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Township} {Module} {CorrelationId}{NewLine}{Exception}";

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
            .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(new CompactJsonFormatter(), Path.Combine(options.LogsPath, "modular-.json"),
                // Kept by age, not by count: a day that rolls over at 50 MB would otherwise push older days out early.
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: null, retainedFileTimeLimit: TimeSpan.FromDays(Math.Max(1, options.LogRetentionDays)),
                fileSizeLimitBytes: 50_000_000, rollOnFileSizeLimit: true,
                shared: true); // several host instances on one machine may write the same folder
    }
}
