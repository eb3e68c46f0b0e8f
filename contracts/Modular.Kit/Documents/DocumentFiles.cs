using System.IO.Compression;
using Modular.Kit.Input;

namespace Modular.Kit.Documents;

/// <summary>
/// Files a clerk sends where only documents belong (a review's papers, a meeting's or a course's materials): PDF,
/// Word, Excel, PowerPoint and OFD (the national format of GB/T 33190), judged by their bytes rather than their name.
/// A file whose extension claims a type its content is not is refused, and so is one that is empty or over the limit;
/// images and anything executable never pass. Only the first bytes and the zip's directory are read.
/// </summary>
public static class DocumentFiles
{
    public const string Pdf = "application/pdf";
    public const string Docx = WordDocument.ContentType;
    public const string Xlsx = Workbook.ContentType;
    public const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public const string Ofd = "application/ofd";

    /// <summary>A scanned contract of a few dozen pages fits; the JSON body that carries it in base64 stays under the host's limit.</summary>
    public const int DefaultMaxBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, (string ContentType, string Label)> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = (Pdf, "PDF"),
        [".docx"] = (Docx, "DOCX"),
        [".xlsx"] = (Xlsx, "XLSX"),
        [".pptx"] = (Pptx, "PPTX"),
        [".ofd"] = (Ofd, "OFD"),
    };

    /// <summary>
    /// Reads a file posted as a name and base64 content: the stored name (<see cref="FileNames"/>), the bytes and the
    /// content type, or null with the refusals under <paramref name="nameField"/> and <paramref name="contentField"/>.
    /// A text too long for the limit is refused before it is decoded.
    /// </summary>
    public static (string Name, byte[] Content, string ContentType)? Read(InputErrors errors, string nameField, string? name, string contentField, string? base64, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var content = Decode(errors, contentField, base64, maxBytes);
        if (content is null)
        {
            FileNames.Read(errors, nameField, name);
            return null;
        }

        return Check(errors, nameField, contentField, name, content, maxBytes) is { } file ? (file.Name, content, file.ContentType) : null;
    }

    /// <summary>
    /// The file's stored name and content type, or null with the reason under <paramref name="nameField"/> or
    /// <paramref name="contentField"/>: no usable name, not a document type, empty, over <paramref name="maxBytes"/>, or
    /// content that is not what the extension says.
    /// </summary>
    public static (string Name, string ContentType)? Check(InputErrors errors, string nameField, string contentField, string? fileName, byte[] content, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(content);
        var name = FileNames.Read(errors, nameField, fileName);
        if (name is null)
        {
            return null;
        }

        if (!ByExtension.TryGetValue(Path.GetExtension(name), out var claimed))
        {
            errors.Add(nameField, "只能上传 PDF、DOCX、XLSX、PPTX、OFD 文件", "Only PDF, DOCX, XLSX, PPTX and OFD files are taken.");
            return null;
        }

        if (content.Length == 0)
        {
            errors.Add(contentField, "文件是空的", "The file is empty.");
            return null;
        }

        if (content.LongLength > maxBytes)
        {
            TooLarge(errors, contentField, maxBytes);
            return null;
        }

        if (What(content) != claimed.ContentType)
        {
            errors.Add(contentField, $"文件内容不是 {claimed.Label} 文件", $"The content is not a {claimed.Label} file.");
            return null;
        }

        return (name, claimed.ContentType);
    }

    /// <summary>Whether a browser may show the file in place (a PDF); anything else is downloaded.</summary>
    public static bool IsInline(string contentType) => contentType == Pdf;

    private static byte[]? Decode(InputErrors errors, string field, string? base64, long maxBytes)
    {
        if (string.IsNullOrEmpty(base64))
        {
            errors.Add(field, "文件是空的", "The file is empty.");
            return null;
        }

        // Base64 takes four characters for three bytes: a longer text is refused before it is decoded.
        if (base64.Length / 4 * 3 > maxBytes + 3)
        {
            TooLarge(errors, field, maxBytes);
            return null;
        }

        var bytes = new byte[(base64.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var length) || length == 0)
        {
            errors.Add(field, "文件内容不是有效的 base64 编码", "The content is not valid base64.");
            return null;
        }

        return bytes[..length];
    }

    private static void TooLarge(InputErrors errors, string field, long maxBytes)
    {
        var limit = maxBytes >= 1024 * 1024 ? $"{maxBytes / 1024 / 1024} MB" : $"{Math.Max(maxBytes / 1024, 1)} KB";
        errors.Add(field, $"文件不能超过 {limit}", $"The file is larger than {limit}.");
    }

    /// <summary>The document type the bytes really are, or null; a zip package is told by the part that names it.</summary>
    private static string? What(byte[] content)
    {
        if (content.AsSpan().StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return null;
        }

        try
        {
            using var package = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            bool Has(string part) => package.GetEntry(part) is not null;
            return Has("OFD.xml") ? Ofd
                : !Has("[Content_Types].xml") ? null
                : Has("word/document.xml") ? Docx
                : Has("xl/workbook.xml") ? Xlsx
                : Has("ppt/presentation.xml") ? Pptx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
