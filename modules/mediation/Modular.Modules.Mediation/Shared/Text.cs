using System.Globalization;
using Modular.Contracts.Modules;

namespace Modular.Modules.Mediation.Shared;

/// <summary>The module's two languages, side by side where the text is used: Simplified Chinese first, English second.</summary>
internal static class Text
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string chinese, string english) => IsEnglish ? english : chinese;

    public static string T(LocalizedText text) => text.For(IsEnglish);
}
