using System.Text.RegularExpressions;
using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Certificates;

/// <summary>How a certificate's fields are read, for its issue and its renewal.</summary>
internal static partial class CertificateDetails
{
    public const int MaxNumber = 30;

    /// <summary>A certificate number as printed (黔G05270001, 52052710500012): letters of the province and digits, no spaces.</summary>
    public static string? Number(InputErrors errors, string field, string? value, bool required = true)
    {
        var number = required
            ? errors.Required(field, value, "执法证编号", "Certificate number", MaxNumber)
            : errors.Optional(field, value, "执法证编号", "Certificate number", MaxNumber);
        if (number is not null && !NumberPattern().IsMatch(number))
        {
            errors.Add(field, "执法证编号只能包含汉字、字母、数字和“-”", "A certificate number is Chinese characters, letters, digits and '-'.");
            return null;
        }

        return number?.ToUpperInvariant();
    }

    /// <summary>Whether a value has a certificate number's shape (a look-up of anything else finds nothing, without asking the database).</summary>
    public static bool IsNumber(string value) => NumberPattern().IsMatch(value);

    /// <summary>The categories a certificate covers: one or more of <see cref="CertificateVocabulary.Categories"/>.</summary>
    public static IReadOnlyList<string>? Categories(InputErrors errors, IReadOnlyList<string?>? values)
    {
        var list = (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            errors.Add("categories", "请选择执法类别", "Choose at least one enforcement category.");
            return null;
        }

        var unknown = list.Where(v => !CertificateVocabulary.IsCategory(v)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("categories", $"执法类别应为：{string.Join("、", CertificateVocabulary.Categories)}", $"Unknown enforcement category; choose among: {string.Join(", ", CertificateVocabulary.Categories)}.");
            return null;
        }

        return list;
    }

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}A-Za-z0-9-]{4,30}$")]
    private static partial Regex NumberPattern();
}
