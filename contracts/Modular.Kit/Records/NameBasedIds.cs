using System.Security.Cryptography;
using System.Text;

namespace Modular.Kit.Records;

/// <summary>
/// A stream id derived from a name (a township's settings, the record an integration event starts), so the same name
/// always gives the same id: one settings stream per township, and a replayed event finds the stream it started.
/// </summary>
public static class NameBasedIds
{
    /// <summary>A SHA-256 name-based id in the RFC 4122 shape (version 5 bits, variant bits).</summary>
    public static Guid Of(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
