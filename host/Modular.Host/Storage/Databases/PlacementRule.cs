using System.Text.RegularExpressions;

namespace Modular.Host.Storage.Databases;

/// <summary>Where a new township goes, and the words the county admin reads for it.</summary>
public sealed record Placement(string Database, string Rule);

/// <summary>
/// The rule that places a new township, shown to the county admin as it is applied: a database that names the
/// township's county (<c>Modular:Databases:&lt;id&gt;:Counties</c>) takes it; otherwise the configured township database
/// holding the fewest townships, the first by id on a tie. The platform database takes new townships only when no
/// township database is configured (as before there were any).
/// </summary>
public static partial class PlacementRule
{
    public const string Description =
        "县代码指定的数据库优先，否则放入乡镇最少的乡镇数据库（并列时按标识顺序）/ A database that names the township's county takes it; otherwise the township database holding the fewest townships (the first by id on a tie).";

    public static Placement Choose(string countyCode, IReadOnlyDictionary<string, TownshipDatabaseOptions> databases, IReadOnlyDictionary<string, int> townshipsPerDatabase)
    {
        if (databases.Count == 0)
        {
            return new Placement(TownshipTenancy.PlatformDatabase, "no township databases configured");
        }

        var ordered = databases.Keys.Order(StringComparer.Ordinal).ToList();
        if (ordered.FirstOrDefault(id => databases[id].Counties.Contains(countyCode, StringComparer.Ordinal)) is { } pinned)
        {
            return new Placement(pinned, $"county {countyCode} is placed on {pinned}");
        }

        var least = ordered.MinBy(id => townshipsPerDatabase.GetValueOrDefault(id));
        return new Placement(least!, $"fewest townships ({townshipsPerDatabase.GetValueOrDefault(least!)})");
    }

    /// <summary>The configured databases, checked: an id is lowercase letters, digits and hyphens (not <c>platform</c>), each has a connection string.</summary>
    public static IReadOnlyDictionary<string, TownshipDatabaseOptions> Validate(IReadOnlyDictionary<string, TownshipDatabaseOptions> configured)
    {
        var problems = new List<string>();
        foreach (var (id, database) in configured)
        {
            if (!IdPattern().IsMatch(id) || id == TownshipTenancy.PlatformDatabase)
            {
                problems.Add($"Modular:Databases:{id}: the id must be 1-31 lowercase letters, digits or hyphens, starting with a letter, and not '{TownshipTenancy.PlatformDatabase}'");
            }

            if (string.IsNullOrWhiteSpace(database.ConnectionString))
            {
                problems.Add($"Modular:Databases:{id}:ConnectionString is required");
            }
        }

        return problems.Count == 0
            ? configured.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal)
            : throw new InvalidOperationException(string.Join("; ", problems));
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,30}$")]
    private static partial Regex IdPattern();
}
