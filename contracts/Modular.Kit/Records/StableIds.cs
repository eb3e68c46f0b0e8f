using System.Security.Cryptography;
using System.Text;

namespace Modular.Kit.Records;

/// <summary>
/// Name-based ids (hashed, in the RFC 4122 name-based shape): the same name always gives the same id. For the one
/// settings stream of a township, or for a record an integration event creates, so a replayed event finds its record
/// already there instead of creating a second one.
/// </summary>
public static class StableIds
{
    /// <param name="kind">What the id is of, with the module's id (<c>legal-services.consultation-settings</c>).</param>
    /// <param name="key">Whose it is: a township's slug, another record's id.</param>
    public static Guid Of(string kind, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{key}"));
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static Guid Of(string kind, Guid key) => Of(kind, key.ToString("N"));
}
