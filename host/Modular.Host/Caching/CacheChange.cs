using System.Text;
using System.Text.Json;

namespace Modular.Host.Caching;

/// <summary>
/// What changed, as every instance's caches need to hear it: a kind, the township it belongs to and a key. Sent as the
/// payload of a PostgreSQL notification, so it is kept small (PostgreSQL takes at most 8000 bytes).
/// </summary>
internal sealed record CacheChange(string Kind, string? Township = null, string? Key = null)
{
    public const string TownshipKind = "township";
    public const string UserKind = "user";
    public const string SessionKind = "session";
    public const string PublicPagesKind = "public-pages";
    public const string TownshipCacheKind = "township-cache";

    /// <summary>Everything: what a listener that missed notifications (a database outage) must assume.</summary>
    public const string AllKind = "all";

    /// <summary>Well under PostgreSQL's 8000-byte limit; a change whose payload would be longer is sent as <see cref="AllKind"/>.</summary>
    public const int MaxPayloadBytes = 4000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CacheChange ForTownship(string slug) => new(TownshipKind, slug);

    public static CacheChange ForUser(string userName) => new(UserKind, Key: userName);

    public static CacheChange ForSession(string id) => new(SessionKind, Key: id);

    public static CacheChange ForPublicPages(string township) => new(PublicPagesKind, township);

    public static CacheChange ForTownshipCache(string township, string key) => new(TownshipCacheKind, township, key);

    public static CacheChange All { get; } = new(AllKind);

    /// <summary>
    /// Whether a lag-tolerant read may refill what this change empties (a public page, a module's township cache; and
    /// "all" or a kind this version does not know), so the read replica must have replayed it first. Townships, users
    /// and sessions are looked up on the primary.
    /// </summary>
    public bool RefilledFromReplica => Kind is not (TownshipKind or UserKind or SessionKind);

    public string ToPayload()
    {
        var payload = JsonSerializer.Serialize(new Wire(Kind, Township, Key), Json);
        return Encoding.UTF8.GetByteCount(payload) <= MaxPayloadBytes ? payload : JsonSerializer.Serialize(new Wire(AllKind, null, null), Json);
    }

    /// <summary>A payload read back; anything unreadable is taken as <see cref="All"/>: forgetting too much is only slower.</summary>
    public static CacheChange FromPayload(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<Wire>(payload, Json) is { K: { Length: > 0 } kind } wire ? new CacheChange(kind, wire.T, wire.I) : All;
        }
        catch (JsonException)
        {
            return All;
        }
    }

    /// <summary>Short names: the payload travels to every instance for every change.</summary>
    private sealed record Wire(string K, string? T, string? I);
}
