using System.Globalization;

namespace Modular.Modules.Mediation.Shared;

/// <summary>Check digits of resident identity numbers, so a mistyped number is caught at the counter.</summary>
internal static class IdentityNumbers
{
    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckDigits = "10X98765432";

    /// <summary>GB 11643-1999 citizen identity number: 17 digits, a valid birth date, and the ISO 7064 MOD 11-2 check character.</summary>
    public static bool IsValidResidentId(string? value)
    {
        if (value is null || value.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }

            sum += (value[i] - '0') * IdWeights[i];
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return false;
        }

        return char.ToUpperInvariant(value[17]) == IdCheckDigits[sum % 11];
    }
}
