using Marten;
using Modular.Modules.OpenGovernment.Publications;

namespace Modular.Modules.OpenGovernment.Portal;

/// <summary>One page of a portal listing.</summary>
internal sealed record PortalPage(IReadOnlyList<PortalItem> Items, int Page, bool HasMore);

/// <summary>What a listing shows of a publication (not its body).</summary>
internal sealed record PortalItem(Guid Id, string Title, string Category, string? DocumentNumber, string Summary, DateTimeOffset PublishedAt, string IssuingOffice);

/// <summary>
/// The portal's reads, all on <see cref="PublishedPublication"/> and never showing a withdrawn item. Search matches
/// every word of the query as a substring of the lower-cased plain text: Chinese has no spaces between words, so
/// PostgreSQL's word-based text search would not find "乡村振兴" inside a sentence.
/// </summary>
internal static class PortalQueries
{
    public const int PageSize = 20;

    public static int PageFrom(string? text) => int.TryParse(text, out var page) ? Math.Clamp(page, 1, 1000) : 1;

    public static async Task<PortalPage> LatestAsync(IQuerySession session, string? category, int page, CancellationToken ct)
    {
        var query = session.Query<PublishedPublication>().Where(p => !p.Withdrawn);
        if (!string.IsNullOrEmpty(category))
        {
            query = query.Where(p => p.Category == category);
        }

        return await PageAsync(query, page, ct);
    }

    public static async Task<PortalPage> SearchAsync(IQuerySession session, string? q, int page, CancellationToken ct)
    {
        var words = Words(q);
        if (words.Count == 0)
        {
            return new PortalPage([], 1, false);
        }

        var query = session.Query<PublishedPublication>().Where(p => !p.Withdrawn);
        foreach (var word in words)
        {
            query = query.Where(p => p.SearchText.Contains(word));
        }

        return await PageAsync(query, page, ct);
    }

    /// <summary>The query's words, lower-cased, without LIKE wildcards, at most five.</summary>
    public static IReadOnlyList<string> Words(string? q) =>
        [.. (q ?? "").ToLowerInvariant().Replace("%", " ").Replace("_", " ").Replace("\\", " ")
            .Split((char[])[' ', '\u3000', '\t', ',', '，'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length <= 50).Distinct().Take(5)];

    private static async Task<PortalPage> PageAsync(IQueryable<PublishedPublication> query, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, 1000);
        var rows = await query.OrderByDescending(p => p.PublishedAt).Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(p => new PortalItem(p.Id, p.Title, p.Category, p.DocumentNumber, p.Summary, p.PublishedAt, p.IssuingOffice))
            .ToListAsync(ct);
        return new PortalPage([.. rows.Take(PageSize)], page, rows.Count > PageSize);
    }
}
