namespace Modular.Kit.Checks;

/// <summary>Unified social credit codes (统一社会信用代码) of organisations: firms, institutions, village committees.</summary>
public static class CreditCodes
{
    // GB 32100-2015: 31 characters, without I, O, S, V and Z.
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>18 characters of the code's alphabet, a division code in characters 3–8, and the MOD 31 check character.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var index = Alphabet.IndexOf(char.ToUpperInvariant(value[i]));
            if (index < 0)
            {
                return false;
            }

            sum += index * Weights[i];
        }

        // Characters 3–8 are the administrative division code of the registering authority: digits only.
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        var check = (31 - sum % 31) % 31;
        return char.ToUpperInvariant(value[17]) == Alphabet[check];
    }
}
