using System.Security.Cryptography;
using System.Text;
using Marten;
using Modular.Kit.Input;

namespace Modular.Kit.Steps;

/// <summary>
/// A value the platform promises to hold once within a scope: an ID number among the members of open households, a
/// township's administrative code. <see cref="Value"/> is normalised by the caller (trimmed, upper case where case does
/// not matter): the key is compared as given.
/// </summary>
public sealed record UniqueKey(string Scope, string Value)
{
    /// <summary>
    /// The claim's document id. The value is hashed, so a personal value (an ID number) is not written a second time in
    /// clear; the scope stays readable for whoever looks at the table.
    /// </summary>
    public string Id => $"{Scope}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Value)))[..32]}";
}

/// <summary>The claim of a <see cref="UniqueKey"/>: its id is the key, so the table's primary key is the uniqueness.</summary>
public sealed class UniqueKeyClaim
{
    public string Id { get; set; } = "";

    public string Scope { get; set; } = "";

    /// <summary>Who holds the key (a record's or a member's id), for the one who reads the table.</summary>
    public string Holder { get; set; } = "";
}

/// <summary>How a clash on a key is refused: the field and its message.</summary>
public sealed record KeyRefusal(UniqueKey Key, string Field, string Chinese, string English);

/// <summary>
/// Uniqueness that holds under concurrency. A query "is it taken?" before saving lets two requests at the same instant
/// both see "no" and both save; a claim document whose id is the key, inserted in the same session (one transaction)
/// as the record, lets the database refuse the second: the loser's whole unit of work is rolled back and its clash
/// becomes the field's refusal. Claims are documents like any other, conjoined per township: a module's session
/// claims within its township, the host's platform session claims platform-wide. Keep the query check too: it names
/// every taken value at once in the ordinary, sequential case, and covers records saved before they claimed keys.
/// </summary>
public static class UniqueKeys
{
    /// <summary>Registers the claim document; the host does it once for every module.</summary>
    public static void Register(StoreOptions options) => options.RegisterDocumentType<UniqueKeyClaim>();

    /// <summary>Stages the claim of <paramref name="key"/> for <paramref name="holder"/>: the save fails if another holds it.</summary>
    public static void Claim(IDocumentOperations operations, UniqueKey key, string holder) =>
        operations.Insert(new UniqueKeyClaim { Id = key.Id, Scope = key.Scope, Holder = holder });

    /// <summary>Stages the release of <paramref name="key"/> (nothing happens if it was not claimed).</summary>
    public static void Release(IDocumentOperations operations, UniqueKey key) => operations.Delete<UniqueKeyClaim>(key.Id);

    /// <summary>The refusal among <paramref name="refusals"/> whose key another holder claimed first, when that is what <paramref name="error"/> is.</summary>
    public static KeyRefusal? Clashed(Exception error, IEnumerable<KeyRefusal> refusals) =>
        ClashedIds(error).ToHashSet(StringComparer.Ordinal) is { Count: > 0 } ids ? refusals.FirstOrDefault(r => ids.Contains(r.Key.Id)) : null;

    /// <summary>Whether <paramref name="error"/> is a clash on a claim (not on any other document).</summary>
    public static bool IsClash(Exception error) => ClashedIds(error).Any();

    /// <summary>Runs <paramref name="save"/>; a clash on one of the keys becomes that field's 400 refusal.</summary>
    public static async Task<T> RefusingClashesAsync<T>(Func<Task<T>> save, IReadOnlyCollection<KeyRefusal> refusals)
    {
        try
        {
            return await save();
        }
        catch (Exception error) when (Clashed(error, refusals) is { } refusal)
        {
            throw InputRejectedException.Of(refusal.Field, refusal.Chinese, refusal.English);
        }
    }

    // Marten reports every failed operation of a batch at once (an AggregateException): a clash on a claim may come
    // with a clash on a record counter, and the claim decides, since drawing another number cannot help; of several
    // claims clashing (a drawn number's and an ID number's), the one with a refusal is the answer.
    private static IEnumerable<string> ClashedIds(Exception error) =>
        (error is AggregateException all ? all.Flatten().InnerExceptions : [error])
            .Select(e => e is JasperFx.DocumentAlreadyExistsException { DocumentType: var type, Id: var id } && type == typeof(UniqueKeyClaim) ? id?.ToString() : null)
            .OfType<string>();
}
