using System.IO.Compression;
using Modular.Kit.Input;

namespace Modular.Kit.Documents;

/// <summary>
/// Files a clerk sends as a record's papers where only documents belong (PDF, Word, Excel, OFD — the national format
/// of GB/T 33190), judged by their bytes: a file whose name claims a type its content is not is refused, and so is one
/// that is empty or larger than the limit. Images and anything executable never pass.
/// </summary>
public static class DocumentFiles
{
    /// <summary>A scanned contract of a few dozen pages fits; the JSON body that carries it in base64 stays under the host's limit.</summary>
    public const int DefaultMaxBytes = 10 * 1024 * 1024;

    private static readonly (string Extension, string ContentType, string Label)[] Types =
    [
        (".pdf", "application/pdf", "PDF"),
        (".docx", WordDocument.ContentType, "DOCX"),
        (".xlsx", Workbook.ContentType, "XLSX"),
        (".ofd", "application/ofd", "OFD"),
    ];

    /// <summary>
    /// Reads a file posted as a name and base64 content: the stored name (<see cref="FileNames"/>), the bytes and the
    /// content type, or null with the refusals under <paramref name="nameField"/> and <paramref name="contentField"/>.
    /// </summary>
    public static (string Name, byte[] Content, string ContentType)? Read(InputErrors errors, string nameField, string? name, string contentField, string? base64, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var stored = FileNames.Read(errors, nameField, name);
        var content = Decode(errors, contentField, base64, maxBytes);
        if (stored is null || content is null)
        {
            return null;
        }

        var claimed = Types.FirstOrDefault(t => stored.EndsWith(t.Extension, StringComparison.OrdinalIgnoreCase));
        if (claimed.Extension is null)
        {
            errors.Add(nameField, "只能上传 PDF、DOCX、XLSX、OFD 文件", "Only PDF, DOCX, XLSX and OFD files are taken.");
            return null;
        }

        if (What(content) != claimed.ContentType)
        {
            errors.Add(contentField, $"文件内容不是 {claimed.Label} 文件", $"The content is not a {claimed.Label} file.");
            return null;
        }

        return (stored, content, claimed.ContentType);
    }

    private static byte[]? Decode(InputErrors errors, string field, string? base64, int maxBytes)
    {
        if (string.IsNullOrEmpty(base64))
        {
            errors.Add(field, "文件是空的", "The file is empty.");
            return null;
        }

        // Base64 takes four characters for three bytes: a longer text is refused before it is decoded.
        if (base64.Length / 4 * 3 > maxBytes + 3)
        {
            return TooLarge(errors, field, maxBytes);
        }

        var bytes = new byte[(base64.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var length) || length == 0)
        {
            errors.Add(field, "文件内容不是有效的 base64 编码", "The content is not valid base64.");
            return null;
        }

        if (length > maxBytes)
        {
            return TooLarge(errors, field, maxBytes);
        }

        return bytes[..length];
    }

    private static byte[]? TooLarge(InputErrors errors, string field, int maxBytes)
    {
        var limit = maxBytes >= 1024 * 1024 ? $"{maxBytes / 1024 / 1024} MB" : $"{maxBytes / 1024} KB";
        errors.Add(field, $"文件不能超过 {limit}", $"The file is larger than {limit}.");
        return null;
    }

    /// <summary>The document type the bytes really are, or null; a zip package is told by the part that names it.</summary>
    private static string? What(byte[] content)
    {
        if (content.AsSpan().StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return null;
        }

        try
        {
            using var package = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            bool Has(string part) => package.GetEntry(part) is not null;
            return Has("OFD.xml") ? "application/ofd"
                : !Has("[Content_Types].xml") ? null
                : Has("word/document.xml") ? WordDocument.ContentType
                : Has("xl/workbook.xml") ? Workbook.ContentType
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
