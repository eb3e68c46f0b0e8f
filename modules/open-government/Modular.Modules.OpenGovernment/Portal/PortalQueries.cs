using System.Text.Json;
using Marten;
using Modular.Contracts.Portal;

namespace Modular.Modules.OpenGovernment.Portal;

/// <summary>One page of a portal listing.</summary>
internal sealed record PortalPage(IReadOnlyList<PortalItem> Items, int Page, bool HasMore);

/// <summary>What a listing shows of a publication (not its body).</summary>
internal sealed record PortalItem(Guid Id, string Title, string Category, string? DocumentNumber, string Summary, DateTimeOffset PublishedAt, string IssuingOffice);

/// <summary>
/// The portal's listings and search: each one indexed query on the portal's own table (<see cref="PortalEntries"/>),
/// which holds only what is on the portal now, so no withdrawn item can appear. Search finds the publications holding
/// every term of the query (<see cref="SearchTerms"/>: Chinese as pairs of characters, since it has no spaces between
/// words) and ranks those whose heading holds them first, then the newest.
/// </summary>
/// <remarks>
/// <c>ts_rank_cd</c> was tried for the ranking and dropped: it reads each match's whole vector, which for a common
/// word is hundreds of rows per query; whether the heading matches is a test of a short vector, and date breaks ties.
/// </remarks>
internal static class PortalQueries
{
    public const int PageSize = 20;

    /// <summary>A listing's page number: the same reading the host's cache keeps the page under.</summary>
    public static int PageFrom(string? text) => PublicPageValues.PageNumber(text);

    // A page as one JSON array, rows in the record's own names and in the page's order: one value to read and parse,
    // and no document type for Marten to infer from the record's Id.
    private const string Rows = "coalesce(json_agg(json_build_object('Id', id, 'Title', title, 'Category', category, 'DocumentNumber', document_number, "
        + "'Summary', summary, 'PublishedAt', published_at, 'IssuingOffice', issuing_office) order by ranked, published_at desc), '[]')";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<PortalPage> LatestAsync(IQuerySession session, string? category, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, PublicPageValues.MaxPage);
        var table = PortalEntries.Qualified(session);
        var rows = string.IsNullOrEmpty(category)
            ? await session.AdvancedSql.QueryAsync<string>('^',
                $"select {Rows} from (select *, 0 as ranked from {table} where tenant_id = ^ order by published_at desc limit ^ offset ^) e",
                ct, session.TenantId, PageSize + 1, (page - 1) * PageSize)
            : await session.AdvancedSql.QueryAsync<string>('^',
                $"select {Rows} from (select *, 0 as ranked from {table} where tenant_id = ^ and category = ^ order by published_at desc limit ^ offset ^) e",
                ct, session.TenantId, category, PageSize + 1, (page - 1) * PageSize);
        return PageOf(rows, page);
    }

    public static async Task<PortalPage> SearchAsync(IQuerySession session, string? q, int page, CancellationToken ct)
    {
        if (SearchTerms.Query(q) is not { } query)
        {
            return new PortalPage([], 1, false);
        }

        page = Math.Clamp(page, 1, PublicPageValues.MaxPage);
        var rows = await session.AdvancedSql.QueryAsync<string>('^',
            $"""
            select {Rows} from (
                select *, case when heading @@ q.terms then 0 else 1 end as ranked
                from {PortalEntries.Qualified(session)}, (select ^::tsquery as terms) q
                where tenant_id = ^ and search @@ q.terms
                order by ranked, published_at desc limit ^ offset ^) e
            """,
            ct, query, session.TenantId, PageSize + 1, (page - 1) * PageSize);
        return PageOf(rows, page);
    }

    private static PortalPage PageOf(IReadOnlyList<string> json, int page)
    {
        var rows = JsonSerializer.Deserialize<List<PortalItem>>(json[0], Json)!;
        return new([.. rows.Take(PageSize)], page, rows.Count > PageSize);
    }
}
