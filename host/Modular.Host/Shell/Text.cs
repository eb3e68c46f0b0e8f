using System.Globalization;

namespace Modular.Host.Shell;

/// <summary>
/// The shell's two languages, side by side where the text is used: Simplified Chinese first, English second.
/// The request's UI culture (zh-CN by default, <c>en</c> by the language switch) picks one.
/// </summary>
public static class Text
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string chinese, string english) => IsEnglish ? english : chinese;

    public static string T(Modular.Contracts.Modules.LocalizedText text) => text.For(IsEnglish);
}
