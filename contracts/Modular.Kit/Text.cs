using System.Globalization;
using Modular.Contracts.Modules;

namespace Modular.Kit;

/// <summary>
/// The platform's two languages, side by side where the text is used: Simplified Chinese first, English second. The
/// request's UI culture (zh-CN by default, <c>en</c> by the language switch) picks one. <c>using static Modular.Kit.Text;</c>
/// </summary>
public static class Text
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string chinese, string english) => IsEnglish ? english : chinese;

    public static string T(LocalizedText text) => text.For(IsEnglish);

    /// <summary>Both languages at once, as API messages and documents carry them: <c>中文 / English</c>.</summary>
    public static string Both(string chinese, string english) => $"{chinese} / {english}";
}
