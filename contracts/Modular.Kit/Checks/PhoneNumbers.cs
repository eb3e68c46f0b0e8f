namespace Modular.Kit.Checks;

/// <summary>Phone numbers as townships write them down: mobiles, landlines with area codes, service numbers.</summary>
public static class PhoneNumbers
{
    /// <summary>Digits, '-', '+' and spaces, with at least 3 digits (12348 is a number people call).</summary>
    public static bool IsPlausible(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ')
        && value.Count(char.IsAsciiDigit) >= 3;

    /// <summary>A mainland mobile number: 11 digits beginning 13–19, a +86 / 0086 prefix dropped; null when it is not one.</summary>
    public static string? NormaliseMobile(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var digits = new string([.. value.Where(c => c is not (' ' or '-'))]);
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }

        return digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>A landline: a 3- or 4-digit area code beginning with 0 and a 7- or 8-digit number, or the number alone.</summary>
    public static bool IsLandline(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var parts = value.Trim().Split('-', StringSplitOptions.TrimEntries);
        static bool Local(string s) => s.Length is 7 or 8 && s.All(char.IsAsciiDigit) && s[0] != '0';
        return parts switch
        {
            [var local] => Local(local) || (local.Length is 10 or 11 or 12 && local[0] == '0' && local.All(char.IsAsciiDigit)),
            [var area, var local] => area.Length is 3 or 4 && area[0] == '0' && area.All(char.IsAsciiDigit) && Local(local),
            [var area, var local, var extension] => area.Length is 3 or 4 && area[0] == '0' && area.All(char.IsAsciiDigit) && Local(local)
                && extension.Length is >= 1 and <= 6 && extension.All(char.IsAsciiDigit),
            _ => false,
        };
    }
}
