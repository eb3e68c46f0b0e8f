using System.Globalization;

namespace Modular.Kit.Checks;

/// <summary>Resident identity numbers (居民身份证号码), so a mistyped number is caught at the counter.</summary>
public static class IdentityNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>GB 11643-1999: 17 digits, a valid birth date, and the ISO 7064 MOD 11-2 check character.</summary>
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

            sum += (value[i] - '0') * Weights[i];
        }

        return BirthDate(value) is not null && char.ToUpperInvariant(value[17]) == CheckCharacters[sum % 11];
    }

    /// <summary>The birth date the number carries (digits 7–14), or null when there is none.</summary>
    public static DateOnly? BirthDate(string? value) =>
        value is { Length: 18 } && DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
            ? born
            : null;

    /// <summary>Full years on <paramref name="day"/> by the birth date the number carries (the birthday itself counts), or null when there is none.</summary>
    public static int? AgeOn(string? value, DateOnly day)
    {
        if (BirthDate(value) is not { } born)
        {
            return null;
        }

        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }

    /// <summary>Male or female by the 17th digit (odd is male), or null for a number that is not valid.</summary>
    public static bool? IsMale(string? value) => IsValidResidentId(value) ? (value![16] - '0') % 2 == 1 : null;
}
