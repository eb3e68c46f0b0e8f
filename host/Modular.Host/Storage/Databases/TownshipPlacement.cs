namespace Modular.Host.Storage.Databases;

/// <summary>
/// Which database holds a township's streams and documents: a platform document (default tenant), one per township,
/// written with the township's registration and switched by <c>move-township</c>. Absent for every township when no
/// township databases are configured.
/// </summary>
/// <param name="Id">The township's slug.</param>
/// <param name="Database">The database's id: <c>platform</c> or a key of <c>Modular:Databases</c>.</param>
/// <param name="Rule">Why it is there: the rule that placed it, or the move that took it there.</param>
public sealed record TownshipPlacement(string Id, string Database, string Rule, DateTimeOffset PlacedAt);

/// <summary>A configured township database, under <c>Modular:Databases:&lt;id&gt;</c>.</summary>
public sealed class TownshipDatabaseOptions
{
    public string? ConnectionString { get; set; }

    /// <summary>County codes (6 digits) whose new townships are placed here whatever the load.</summary>
    public List<string> Counties { get; set; } = [];
}
