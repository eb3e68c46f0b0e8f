namespace Modular.Host.Identity;

/// <summary>At least 8 characters from at least 3 of the 4 classes: lower case, upper case, digits, symbols.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;

    public static string? Check(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return "密码至少8位 / A password has at least 8 characters.";
        }

        var classes = (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsUpper) ? 1 : 0)
            + (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        return classes >= 3
            ? null
            : "密码须包含大写字母、小写字母、数字、符号中的至少三类 / Use at least 3 of: upper case, lower case, digits, symbols.";
    }

    /// <summary>A password that satisfies the policy, for the first administrator when none is configured.</summary>
    public static string Generate()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "-_.!@#";
        var random = System.Security.Cryptography.RandomNumberGenerator.GetItems<char>(lower + upper + digits, 12);
        return $"{new string(random)}{upper[Random.Shared.Next(upper.Length)]}{digits[Random.Shared.Next(digits.Length)]}{symbols[Random.Shared.Next(symbols.Length)]}";
    }
}
