using System.Globalization;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>Check digits of the identity numbers a request carries, so a mistyped number is caught at the counter.</summary>
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

    private const string CreditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>GB 32100-2015 unified social credit code (统一社会信用代码): 18 characters with a MOD 31 check character.</summary>
    public static bool IsValidCreditCode(string? value)
    {
        if (value is null || value.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var index = CreditCodeChars.IndexOf(char.ToUpperInvariant(value[i]), StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }

            sum += index * CreditCodeWeights[i];
        }

        var check = (31 - (sum % 31)) % 31;
        return char.ToUpperInvariant(value[17]) == CreditCodeChars[check];
    }
}
