using System.Reflection;
using System.Text.RegularExpressions;
using JasperFx.MultiTenancy;
using Marten;
using Marten.Schema;
using Modular.Contracts.Integration;
using Weasel.Postgresql.Tables;

namespace Modular.Architecture.Tests;

/// <summary>
/// The storage rules of the root README ("Writing a module", step 4), read from a built store: what Marten will write,
/// not what the source seems to say. A store is built without a database (nothing connects until a session is used),
/// so the event types projections imply and the tables with their indexes are the real ones.
/// </summary>
internal static partial class MartenRules
{
    /// <summary>A connection string that is never opened: building a store does not connect.</summary>
    public const string NoDatabase = "Host=127.0.0.1;Port=1;Database=none;Username=none";

    /// <summary>
    /// Every event type has a stable alias <c>&lt;owner&gt;.&lt;event&gt;.v&lt;n&gt;</c>, so renaming a class never breaks
    /// stored history. The owner of a type defined in a module's assembly is that module's id (<paramref name="owners"/>);
    /// an integration event in contracts carries its alias in <see cref="IntegrationEventAliasAttribute"/> and must be
    /// stored under it. Marten's own event types are not ours to name.
    /// </summary>
    public static IReadOnlyList<Violation> EventAliases(StoreOptions options, IReadOnlyDictionary<Assembly, string> owners)
    {
        using var store = new DocumentStore(options);
        var violations = new List<Violation>();
        var checkedOwners = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mapping in store.Events.AllKnownEventTypes().OrderBy(e => e.EventType.FullName, StringComparer.Ordinal))
        {
            var type = mapping.EventType;
            var alias = mapping.EventTypeName;
            if (owners.TryGetValue(type.Assembly, out var moduleId))
            {
                checkedOwners.Add(moduleId);
                if (!AliasPattern(moduleId).IsMatch(alias))
                {
                    violations.Add(new(Name(type), alias,
                        $"every event type has an alias {moduleId}.<event>.v<n> (kebab-case event, e.g. {moduleId}.{Kebab(type.Name)}.v1): map it with options.Events.MapEventType"));
                }
            }
            else if (type.GetCustomAttribute<IntegrationEventAliasAttribute>() is { } declared && declared.Alias != alias)
            {
                violations.Add(new(Name(type), alias, $"an integration event is stored under the alias its contract declares, {declared.Alias}"));
            }
        }

        // A rule that finds no event of any owner has checked nothing (a module may have none, not every one).
        if (checkedOwners.Count == 0)
        {
            violations.Add(new(string.Join(", ", owners.Values.Order(StringComparer.Ordinal)), "(no event type)",
                "nothing was checked: the store knows no event type of these owners"));
        }

        return violations;
    }

    /// <summary>
    /// Every index of a township's (conjoined) document leads with <c>tenant_id</c>: every query is for one township.
    /// A single-tenanted document cannot: it has no tenant column, and an index naming one breaks the schema.
    /// </summary>
    public static IReadOnlyList<Violation> TenantFirstIndexes(StoreOptions options)
    {
        using var store = new DocumentStore(options);
        var tables = store.Storage.AllObjects().OfType<Table>().ToDictionary(t => t.Identifier.QualifiedName, StringComparer.Ordinal);
        var violations = new List<Violation>();
        var indexes = 0;
        var mappings = ((IReadOnlyStoreOptions)store.Options).AllKnownDocumentTypes().OfType<DocumentMapping>()
            .OrderBy(m => m.DocumentType.FullName, StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            if (!tables.TryGetValue(mapping.TableName.QualifiedName, out var table))
            {
                continue;
            }

            var conjoined = mapping.TenancyStyle == TenancyStyle.Conjoined;
            foreach (var index in table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                var columns = index.Columns ?? [];
                indexes++;
                if (conjoined && (columns.Length == 0 || columns[0] != TenantColumn))
                {
                    violations.Add(new(Name(mapping.DocumentType), $"{index.Name} ({string.Join(", ", columns)})",
                        "every index of a tenanted document leads with tenant_id (the host's TownshipDocuments policy)"));
                }
                else if (!conjoined && columns.Contains(TenantColumn))
                {
                    violations.Add(new(Name(mapping.DocumentType), $"{index.Name} ({string.Join(", ", columns)})",
                        "a single-tenanted document has no tenant_id column for its index to lead with"));
                }
            }
        }

        if (indexes == 0)
        {
            violations.Add(new("(every document)", "(no index)", "nothing was checked: the store has no indexed document"));
        }

        return violations;
    }

    private const string TenantColumn = "tenant_id";

    private static Regex AliasPattern(string moduleId) =>
        new($"^{Regex.Escape(moduleId)}\\.[a-z0-9]+(-[a-z0-9]+)*\\.v[0-9]+$", RegexOptions.CultureInvariant);

    private static string Name(Type type) => type.FullName ?? type.Name;

    private static string Kebab(string name) => KebabBoundary().Replace(name, "-$1").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex KebabBoundary();
}
