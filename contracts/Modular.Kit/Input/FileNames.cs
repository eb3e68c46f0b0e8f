namespace Modular.Kit.Input;

/// <summary>
/// What the platform keeps of an uploaded file's name: the last part of whatever path the browser sent (Windows or
/// Unix separators), trimmed, at most <see cref="MaxLength"/> characters, no control characters. 255 is what NTFS and
/// ext4 allow for a name, so any file a clerk has on disk fits, and a download's Content-Disposition stays a few KB.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 255;

    /// <summary>The name to store, or null with a message under <paramref name="field"/> when it cannot be taken.</summary>
    public static string? Read(InputErrors errors, string field, string? value)
    {
        var name = LastPart(value);
        if (name.Length == 0 || name is "." or "..")
        {
            errors.Add(field, "请提供文件名", "The file needs a name.");
            return null;
        }

        if (name.Length > MaxLength)
        {
            errors.Add(field, $"文件名不能超过{MaxLength}个字符", $"The file name is longer than {MaxLength} characters.");
            return null;
        }

        if (!PlainText.IsAcceptable(name) || name.Contains('\t') || name.Contains('\n') || name.Contains('\r'))
        {
            errors.Add(field, "文件名含有不可见的控制字符", "The file name contains control characters.");
            return null;
        }

        return name;
    }

    /// <summary>The name made safe to show where refusing it is not worth it (a title that mentions the file): never throws.</summary>
    public static string Clean(string? value)
    {
        var name = new string([.. LastPart(value).Where(c => !char.IsControl(c))]);
        return name.Length > MaxLength ? name[..MaxLength] : name;
    }

    private static string LastPart(string? value)
    {
        var path = (value ?? "").Replace('\\', '/');
        return path[(path.LastIndexOf('/') + 1)..].Trim();
    }
}
