namespace Modular.Kit.Input;

/// <summary>
/// What text the platform takes and how it writes what it holds. Input refuses NUL and the other C0 control
/// characters but tab, line feed and carriage return (PostgreSQL's jsonb refuses U+0000; XML 1.0 cannot carry the
/// others, so a .docx, .xlsx or feed holding one is broken). Writers pass stored text through
/// <see cref="ForXml"/>, so a value stored before the rule can never break a document.
/// </summary>
public static class PlainText
{
    public static bool IsAcceptable(string? text) => text is null || FirstRefused(text) < 0;

    /// <summary>The index of the first character input refuses, or -1: for text read into a buffer, with no string made.</summary>
    public static int FirstRefused(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsRefused(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The text with every character XML 1.0 cannot carry removed (control characters, lone surrogates, U+FFFE/F).</summary>
    public static string ForXml(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clean = true;
        for (var i = 0; i < text.Length; i++)
        {
            if (!IsXmlChar(text, i))
            {
                clean = false;
                break;
            }
        }

        if (clean)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(text[i]).Append(text[i + 1]);
                i++;
            }
            else if (IsXmlChar(text, i))
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static bool IsRefused(char c) => c < ' ' && c is not ('\t' or '\n' or '\r') || c == '\u007F';

    private static bool IsXmlChar(string text, int i)
    {
        var c = text[i];
        if (char.IsSurrogate(c))
        {
            return char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) : i > 0 && char.IsHighSurrogate(text[i - 1]);
        }

        return c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');
    }
}
