using System.Reflection;

namespace Modular.Host.Hosting;

/// <summary>The platform's settings, under the <c>Modular</c> configuration section.</summary>
public sealed class ModularOptions
{
    public const string Section = "Modular";

    /// <summary>Folders holding one folder per plugin, separated by the path separator. Default: the build's plugins folder.</summary>
    public string PluginsPath { get; set; } = DefaultPluginsPath();

    /// <summary>Where the private PostgreSQL cluster lives when no connection string is configured.</summary>
    public string DataPath { get; set; } = Path.Combine(RepositoryRoot(), ".data");

    /// <summary>The port of the private cluster.</summary>
    public int DatabasePort { get; set; } = 54329;

    /// <summary>Where the rolling JSON log files go.</summary>
    public string LogsPath { get; set; } = Path.Combine(RepositoryRoot(), "logs");

    /// <summary>Days the JSON log files are kept (网络安全法 Art 21: at least six months of network logs).</summary>
    public int LogRetentionDays { get; set; } = 180;

    public AdminOptions Admin { get; set; } = new();

    /// <summary>Creates the demo county and township (赫章县 / 野马川镇) when missing.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>The one password of the demo township's users (one per module role); when unset one is generated and printed once.</summary>
    public string? DemoPassword { get; set; }

    public DaemonOptions Daemon { get; set; } = new();

    /// <summary>
    /// Township databases by id (<c>Modular:Databases:&lt;id&gt;:ConnectionString</c>). None: every township lives in the
    /// platform database, as it always has. Some: new townships are placed on them by <see cref="Storage.Databases.PlacementRule"/>.
    /// </summary>
    public Dictionary<string, Storage.Databases.TownshipDatabaseOptions> Databases { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public sealed class DaemonOptions
    {
        /// <summary>How often a standing-by node tries to take over the projection daemon's shards (ms; Marten's default 5000).</summary>
        public int LeadershipPollingMilliseconds { get; set; } = 1000;
    }

    public sealed class AdminOptions
    {
        /// <summary>Initial password of <c>admin</c>; when unset one is generated and printed once.</summary>
        public string? Password { get; set; }
    }

    private static string DefaultPluginsPath() => Metadata("Modular.DefaultPluginsPath") ?? Path.Combine(AppContext.BaseDirectory, "plugins");

    private static string RepositoryRoot() => Metadata("Modular.RepositoryRoot") is { } root && Directory.Exists(root) ? root : AppContext.BaseDirectory;

    private static string? Metadata(string key) =>
        typeof(ModularOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
