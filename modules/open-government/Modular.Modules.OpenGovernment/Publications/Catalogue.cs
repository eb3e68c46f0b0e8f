using Marten;
using Modular.Contracts.Caching;
using Modular.Kit.Input;
using static Modular.Kit.Text;

namespace Modular.Modules.OpenGovernment.Publications;

internal sealed record CatalogueCategoryAdded(string Name, string By, DateTimeOffset At);

/// <summary>
/// The township's catalogue of publication categories (公开目录): the national default list, plus what the township
/// added. One stream per township (the id is the same in each township's tenant).
/// </summary>
internal sealed class CatalogueSettings
{
    public static readonly Guid StreamId = new("6f1b3a52-6c4e-4b7a-9a55-0c3d5e7f0a01");

    public static readonly IReadOnlyList<string> Defaults = ["机构职能", "法规文件", "规划计划", "财政信息", "权责清单", "重大决策", "公共服务", "其他"];

    public Guid Id { get; set; }

    public int Version { get; set; }

    public List<string> Added { get; set; } = [];

    public IReadOnlyList<string> Categories => [.. Defaults, .. Added];

    public static CatalogueSettings Create(CatalogueCategoryAdded e) => new() { Id = StreamId, Added = [e.Name] };

    public void Apply(CatalogueCategoryAdded e) => Added.Add(e.Name);
}

internal static class Catalogue
{
    /// <summary>The township cache's key of the category list; every instance forgets it when a category is added.</summary>
    public const string CacheKey = "open-government.catalogue";

    public static async Task<IReadOnlyList<string>> CategoriesAsync(IQuerySession session, CancellationToken ct) =>
        (await session.LoadAsync<CatalogueSettings>(CatalogueSettings.StreamId, ct))?.Categories ?? CatalogueSettings.Defaults;

    /// <summary>
    /// The categories as the portal's pages show them, from the township cache: they change once in a long while, and
    /// reading them on every uncached page was a second round trip to PostgreSQL.
    /// </summary>
    public static Task<IReadOnlyList<string>> CachedCategoriesAsync(ITownshipCache cache, IQuerySession session, CancellationToken ct) =>
        cache.GetOrCreateAsync(CacheKey, TimeSpan.FromMinutes(10), token => CategoriesAsync(session, token), ct);

    /// <summary>Adds a category; a name that is empty, too long or already listed is refused under <c>name</c>.</summary>
    public static async Task AddAsync(IDocumentSession session, ITownshipCache cache, string? name, string by, DateTimeOffset at, CancellationToken ct)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 30)
        {
            throw Refused(T("请填写类别名称（30字以内）。", "Give the category a name (30 characters at most)."));
        }

        var stream = await session.Events.FetchForWriting<CatalogueSettings>(CatalogueSettings.StreamId, ct);
        var existing = stream.Aggregate?.Categories ?? CatalogueSettings.Defaults;
        if (existing.Contains(name))
        {
            throw Refused(T("该类别已存在。", "That category already exists."));
        }

        stream.AppendOne(new CatalogueCategoryAdded(name, by, at));
        cache.Changed(session, CacheKey);
        await session.SaveChangesAsync(ct);
    }

    private static InputRejectedException Refused(string message) => new(new Dictionary<string, string[]> { ["name"] = [message] });
}
