using System.Security.Cryptography;
using System.Text;

namespace Modular.Host.Storage;

/// <summary>
/// Name-based stream ids (RFC 4122 version 5): the stream of township "yemachuan" or user "admin" has one id forever,
/// so "does it exist" is a load by id and registering a name twice collides on the stream id itself.
/// </summary>
internal static class StableId
{
    private static readonly Guid Namespace = new("6b0f3a52-58c4-4d6e-9f0b-5d0a7c1e2f10");

    public static Guid For(string kind, string key)
    {
        var name = Encoding.UTF8.GetBytes($"{kind}:{key.ToLowerInvariant()}");
        var ns = Namespace.ToByteArray(bigEndian: true);
        var hash = SHA1.HashData([.. ns, .. name]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
