using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Modular.Host.Hosting;

namespace Modular.Host.Storage;

/// <summary>
/// The key that encrypts the data-protection key ring at rest (session cookies and antiforgery tokens are protected
/// with that ring, which every instance reads from PostgreSQL): 32 random bytes, AES-256-GCM. Taken from
/// <c>Modular:DataProtection:KeyEncryptionKey</c> (base64, e.g. from the environment or a secret store) or, when that is
/// not set, from the file <c>Modular:DataProtection:KeyEncryptionKeyFile</c> (default <c>&lt;DataPath&gt;/data-protection.key</c>),
/// which the first start creates readable by its owner only. Every instance serving one database needs the same key;
/// a dump of the database alone cannot forge or read a session.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const string Section = "Modular:DataProtection";

    private KeyEncryptionKey(byte[] key, string source)
    {
        Key = key;
        Source = source;
        Id = Convert.ToHexStringLower(SHA256.HashData(key)[..8]);
    }

    /// <summary>The key's fingerprint, written beside every key it encrypts (never the key itself).</summary>
    public string Id { get; }

    /// <summary>Where the key came from, for the start-up log.</summary>
    public string Source { get; }

    internal byte[] Key { get; }

    public static KeyEncryptionKey Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        if (section["KeyEncryptionKey"] is { Length: > 0 } configured)
        {
            return new(Decode(configured, "Modular:DataProtection:KeyEncryptionKey"), "configuration");
        }

        var options = configuration.GetSection(ModularOptions.Section).Get<ModularOptions>() ?? new ModularOptions();
        var file = section["KeyEncryptionKeyFile"] is { Length: > 0 } path ? path : Path.Combine(options.DataPath, "data-protection.key");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            try
            {
                var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var created = new FileStream(file, create);
                created.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another instance created it at the same moment: read theirs.
            }
        }

        return new(Decode(File.ReadAllText(file).Trim(), file), file);
    }

    private static byte[] Decode(string base64, string where)
    {
        var bytes = new byte[48];
        if (!Convert.TryFromBase64String(base64, bytes, out var length) || length != 32)
        {
            throw new InvalidOperationException($"{where} must be 32 bytes in base64 (e.g. `openssl rand -base64 32`).");
        }

        return bytes[..32];
    }
}

/// <summary>Encrypts a data-protection key's XML with the <see cref="KeyEncryptionKey"/> before it is stored.</summary>
internal sealed class KeyRingEncryptor(KeyEncryptionKey kek) : IXmlEncryptor
{
    public static readonly XName Element = "encryptedWithKeyEncryptionKey";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(kek.Key, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag, Encoding.ASCII.GetBytes(kek.Id));
        }

        var element = new XElement(Element, new XAttribute("key", kek.Id), new XElement("value", Convert.ToBase64String([.. nonce, .. tag, .. cipher])));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>
/// Decrypts what <see cref="KeyRingEncryptor"/> wrote; made by data protection with the service provider. A key
/// encrypted with another key-encryption key is refused with its fingerprint named (the instance was given the wrong key).
/// </summary>
internal sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var kek = services.GetRequiredService<KeyEncryptionKey>();
        var id = (string?)encryptedElement.Attribute("key");
        if (id != kek.Id)
        {
            throw new CryptographicException($"The data-protection key was encrypted with key-encryption key {id}; this instance has {kek.Id} ({kek.Source}).");
        }

        var data = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[data.Length - nonceSize - tagSize];
        using (var aes = new AesGcm(kek.Key, tagSize))
        {
            aes.Decrypt(data.AsSpan(0, nonceSize), data.AsSpan(nonceSize + tagSize), data.AsSpan(nonceSize, tagSize), plain, Encoding.ASCII.GetBytes(id));
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
