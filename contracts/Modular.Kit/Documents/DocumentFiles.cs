using System.IO.Compression;
using Modular.Kit.Input;

namespace Modular.Kit.Documents;

/// <summary>
/// Attachments that must be documents (PDF, Word, Excel, PowerPoint: the materials of a meeting or a course), judged
/// by what the bytes are rather than what the name claims: a file whose extension lies about its content is refused,
/// and an OOXML package is told apart by its parts. Only the first bytes and the zip's directory are read.
/// </summary>
public static class DocumentFiles
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Pdf,
        [".docx"] = Docx,
        [".xlsx"] = Xlsx,
        [".pptx"] = Pptx,
    };

    /// <summary>
    /// The file's name and content type, or null with the reason under <paramref name="nameField"/> or
    /// <paramref name="contentField"/>: no usable name, not a document type, empty, over <paramref name="maxBytes"/>, or
    /// content that is not what the extension says.
    /// </summary>
    public static (string FileName, string ContentType)? Check(InputErrors errors, string nameField, string contentField, string? fileName, byte[] content, long maxBytes)
    {
        var name = FileNames.Read(errors, nameField, fileName);
        if (name is null)
        {
            return null;
        }

        if (!ByExtension.TryGetValue(Path.GetExtension(name), out var claimed))
        {
            errors.Add(nameField, "只能上传 PDF、DOCX、XLSX、PPTX 文件", "Only PDF, DOCX, XLSX and PPTX files can be attached.");
            return null;
        }

        if (content.Length == 0)
        {
            errors.Add(contentField, "文件是空的", "The file is empty.");
            return null;
        }

        if (content.LongLength > maxBytes)
        {
            var megabytes = Math.Max(maxBytes / (1024 * 1024), 1);
            errors.Add(contentField, $"文件不能超过{megabytes} MB", $"The file is larger than {megabytes} MB.");
            return null;
        }

        if (Sniff(content) != claimed)
        {
            errors.Add(contentField, $"文件内容与扩展名 {Path.GetExtension(name)} 不符", $"The file's content does not match its {Path.GetExtension(name)} extension.");
            return null;
        }

        return (name, claimed);
    }

    /// <summary>Whether a browser may show the file in place (a PDF); anything else is downloaded.</summary>
    public static bool IsInline(string contentType) => contentType == Pdf;

    private static string? Sniff(byte[] content)
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
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            string? Part(string folder, string type) => names.Any(n => n.StartsWith(folder, StringComparison.Ordinal)) ? type : null;
            return Part("word/", Docx) ?? Part("xl/", Xlsx) ?? Part("ppt/", Pptx);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
