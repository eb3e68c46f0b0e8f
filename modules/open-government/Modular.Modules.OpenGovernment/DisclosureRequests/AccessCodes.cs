using System.Security.Cryptography;
using System.Text;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>
/// The code an applicant gets with the tracking number: without it the number shows nothing. Only a salted,
/// slow hash is stored, so the event log never holds a working code.
/// </summary>
internal static class AccessCodes
{
    // No 0/O, 1/I/L: the code is read off paper and typed back in.
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int Iterations = 20_000;

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, 8);

    public static (string Salt, string Hash) Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (Convert.ToBase64String(salt), Convert.ToBase64String(Derive(code, salt)));
    }

    public static bool Matches(string? code, string salt, string hash)
    {
        var expected = Convert.FromBase64String(hash);
        var actual = Derive(Normalise(code), Convert.FromBase64String(salt));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>Spends the same time as a real check, so a wrong number and a wrong code cannot be told apart.</summary>
    public static void WasteEqualTime(string? code) => Derive(Normalise(code), new byte[16]);

    private static string Normalise(string? code) => (code ?? "").Trim().ToUpperInvariant();

    private static byte[] Derive(string code, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Normalise(code)), salt, Iterations, HashAlgorithmName.SHA256, 32);
}
