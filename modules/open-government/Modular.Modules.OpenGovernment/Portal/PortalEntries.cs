using Marten;
using Modular.Modules.OpenGovernment.Publications;
using Weasel.Postgresql;
using Weasel.Postgresql.Functions;
using Weasel.Postgresql.Tables;

namespace Modular.Modules.OpenGovernment.Portal;

/// <summary>
/// The portal's own table, <c>og_portal_entry</c>: one row per publication on the portal now (never a withdrawn one),
/// holding what a listing shows and the search terms of its heading and of its whole text (<see cref="SearchTerms"/>),
/// each a <c>tsvector</c> under a GIN index. Every portal listing and search is one indexed query on it, with no JSON to
/// read. A row is written or removed by the same unit of work as the publication's event (publish, withdraw, a revision
/// that leaves the portal) and the <see cref="PublishedPublication"/> it mirrors; <see cref="PortalEntryBackfill"/>
/// fills it at start-up for publications made before it existed.
/// </summary>
internal static class PortalEntries
{
    public const string TableName = "og_portal_entry";

    /// <summary>The table and its indexes, created and migrated with the store's schema.</summary>
    public static Table Define(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tenant_id").NotNull().AsPrimaryKey();
        table.AddColumn<Guid>("id").NotNull().AsPrimaryKey();
        table.AddColumn<string>("title").NotNull();
        table.AddColumn<string>("category").NotNull();
        table.AddColumn<string>("document_number");
        table.AddColumn<string>("summary").NotNull();
        table.AddColumn<string>("issuing_office").NotNull();
        table.AddColumn<DateTimeOffset>("published_at").NotNull();
        table.AddColumn<int>("version").NotNull();
        table.AddColumn("heading", "tsvector").NotNull();
        table.AddColumn("search", "tsvector").NotNull();
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_latest") { Columns = ["tenant_id", "published_at"], SortOrder = SortOrder.Desc });
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_category") { Columns = ["tenant_id", "category", "published_at"], SortOrder = SortOrder.Desc });
        // The host's btree_gin lets the GIN index begin with the township, so a search reads one township's entries only.
        // No pending list (fastupdate): after a bulk import every search scanned the whole unmerged list until a
        // VACUUM merged it (65 ms a search instead of 6 ms); a publication is written once in a long while, so each
        // insert pays for its own index entries instead.
        foreach (var column in new[] { "search", "heading" })
        {
            var index = new IndexDefinition($"ix_{TableName}_{column}") { Columns = ["tenant_id", column], Method = IndexMethod.gin };
            index.StorageParameters["fastupdate"] = "off";
            table.Indexes.Add(index);
        }
        return table;
    }

    public const string SearchFunctionName = "og_portal_search";

    /// <summary>
    /// The search as a function of the schema: a township's entries holding every term, those whose heading holds them
    /// first, then the newest. Two parts, each of at most a page's worth: the heading matches (their own GIN index) and
    /// the other matches newest first. For a word most entries hold (低保 in a township's relief notices: 3,558 of
    /// 5,000) the second part walks the date index and stops at a page, instead of ranking every match (a pass over
    /// most of the table for each search); for a rare word the GIN index finds the few. Each call is
    /// planned for its own terms (force_custom_plan), since which way is cheaper depends on how common they are, and
    /// sequential scans are off: the planner does not cost reading every row's term vector, which a scan must.
    /// </summary>
    public static Function Search(string schema) => Function.ForSql(
        $"""
        create or replace function {schema}.{SearchFunctionName}(township varchar, terms tsquery, take integer, skip integer)
        returns table (id uuid, title varchar, category varchar, document_number varchar, summary varchar, published_at timestamptz, issuing_office varchar)
        language plpgsql stable
        set enable_seqscan = off
        set plan_cache_mode = force_custom_plan
        as $$
        begin
            return query
            select r.id, r.title, r.category, r.document_number, r.summary, r.published_at, r.issuing_office
            from (
                (select e.*, 0 as tier from {schema}.{TableName} e
                 where e.tenant_id = township and e.heading @@ terms
                 order by e.published_at desc limit take + skip)
                union all
                (select e.*, 1 as tier from {schema}.{TableName} e
                 where e.tenant_id = township and e.search @@ terms and not e.heading @@ terms
                 order by e.published_at desc limit take + skip)
            ) r
            order by r.tier, r.published_at desc
            limit take offset skip;
        end;
        $$;
        """);

    public static string SearchFunction(IQuerySession session) => $"{session.DocumentStore.Options.DatabaseSchemaName}.{SearchFunctionName}";

    public static string Qualified(IQuerySession session) => $"{session.DocumentStore.Options.DatabaseSchemaName}.{TableName}";

    /// <summary>Puts the publication's current version on the portal (or replaces the one there), in the session's unit of work.</summary>
    public static void Put(IDocumentOperations session, PublishedPublication p) =>
        session.QueueSqlCommand('^',
            $"""
            insert into {Qualified(session)} (tenant_id, id, title, category, document_number, summary, issuing_office, published_at, version, heading, search)
            values (^, ^, ^, ^, ^, ^, ^, ^, ^, ^::tsvector, ^::tsvector)
            on conflict (tenant_id, id) do update set title = excluded.title, category = excluded.category, document_number = excluded.document_number,
                summary = excluded.summary, issuing_office = excluded.issuing_office, published_at = excluded.published_at, version = excluded.version,
                heading = excluded.heading, search = excluded.search
            """,
            [.. Values(session.TenantId, p)]);

    /// <summary>Takes the publication off the portal, in the session's unit of work.</summary>
    public static void Remove(IDocumentOperations session, Guid id) =>
        session.QueueSqlCommand('^', $"delete from {Qualified(session)} where tenant_id = ^ and id = ^", session.TenantId, id);

    /// <summary>The row's values in column order, for <see cref="Put"/> and the backfill.</summary>
    public static object[] Values(string tenantId, PublishedPublication p) =>
    [
        tenantId, p.Id, p.Title, p.Category, (object?)p.DocumentNumber ?? DBNull.Value, p.Summary, p.IssuingOffice, p.PublishedAt.ToUniversalTime(), p.VersionNumber,
        SearchTerms.Vector(p.Title),
        // SearchText holds the title, document number, issuing office and plain body text: everything search matches.
        SearchTerms.Vector(p.SearchText),
    ];
}
