using Marten;
using Modular.Contracts.Portal;
using Npgsql;

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

    private const string Columns = "id, title, category, document_number, summary, published_at, issuing_office";

    public static Task<PortalPage> LatestAsync(IQuerySession session, string? category, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, PublicPageValues.MaxPage);
        var table = PortalEntries.Qualified(session);
        return string.IsNullOrEmpty(category)
            ? ReadAsync(session, page, $"select {Columns} from {table} where tenant_id = $1 order by published_at desc limit $2 offset $3", ct,
                session.TenantId, PageSize + 1, (page - 1) * PageSize)
            : ReadAsync(session, page, $"select {Columns} from {table} where tenant_id = $1 and category = $4 order by published_at desc limit $2 offset $3", ct,
                session.TenantId, PageSize + 1, (page - 1) * PageSize, category);
    }

    public static Task<PortalPage> SearchAsync(IQuerySession session, string? q, int page, CancellationToken ct)
    {
        if (SearchTerms.Query(q) is not { } query)
        {
            return Task.FromResult(new PortalPage([], 1, false));
        }

        page = Math.Clamp(page, 1, PublicPageValues.MaxPage);
        return ReadAsync(session, page, $"select {Columns} from {PortalEntries.SearchFunction(session)}($1, $4::tsquery, $2, $3)", ct,
            session.TenantId, PageSize + 1, (page - 1) * PageSize, query);
    }

    /// <summary>
    /// One page read straight off a connection of the session's database, column by column: no LINQ to translate, no
    /// JSON to write and parse, nothing but the page's own strings allocated. The township is the session's.
    /// </summary>
    private static async Task<PortalPage> ReadAsync(IQuerySession session, int page, string sql, CancellationToken ct, params object[] values)
    {
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var rows = new List<PortalItem>(PageSize + 1);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new PortalItem(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetString(6)));
        }

        return new([.. rows.Take(PageSize)], page, rows.Count > PageSize);
    }
}
