using System.IO.Compression;
using Microsoft.Extensions.Configuration;
using Modular.Kit;

namespace Modular.Modules.OpenGovernment.Publications;

/// <summary>An attachment's bytes, kept in PostgreSQL so every host instance serves the same file.</summary>
internal sealed class StoredAttachment
{
    public Guid Id { get; set; }

    public Guid PublicationId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public byte[] Content { get; set; } = [];

    public string UploadedBy { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>
/// Which files may be attached, judged by what the bytes are rather than by what the name claims: a file whose
/// extension lies about its content is refused.
/// </summary>
internal static class AttachmentFiles
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public const string MaxBytesSetting = "Modular:OpenGovernment:MaxAttachmentBytes";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    public static long MaxBytes(IConfiguration configuration) =>
        configuration.GetValue<long?>(MaxBytesSetting) is { } configured and > 0 ? configured : DefaultMaxBytes;

    public static bool IsInline(string contentType) => contentType is "application/pdf" or "image/jpeg" or "image/png";

    /// <summary>The content type for the file, or a message saying why it is refused.</summary>
    public static (string? ContentType, string? Error) Check(string? fileName, byte[] content, long maxBytes)
    {
        var extension = Path.GetExtension(fileName ?? "");
        if (string.IsNullOrWhiteSpace(fileName) || !ContentTypes.TryGetValue(extension, out var claimed))
        {
            return (null, Text.T("只能上传 PDF、DOCX、XLSX、JPG、PNG 文件。", "Only PDF, DOCX, XLSX, JPG and PNG files can be attached."));
        }

        if (content.Length == 0)
        {
            return (null, Text.T("文件是空的。", "The file is empty."));
        }

        if (content.Length > maxBytes)
        {
            return (null, Text.T($"文件超过 {Size(maxBytes)} 的上限。", $"The file is larger than the {Size(maxBytes)} limit."));
        }

        var actual = Sniff(content);
        if (actual != claimed)
        {
            return (null, Text.T(
                $"文件内容与扩展名 {extension} 不符" + (actual is null ? "（无法识别的文件类型）。" : $"（实际为 {Describe(actual)}）。"),
                $"The file's content does not match its {extension} extension" + (actual is null ? " (unrecognised content)." : $" (it is really {Describe(actual)}).")));
        }

        return (claimed, null);
    }

    /// <summary>What the bytes really are, from their signature; an OOXML package is told apart by its parts.</summary>
    private static string? Sniff(byte[] content)
    {
        ReadOnlySpan<byte> bytes = content;
        if (bytes.StartsWith("%PDF-"u8))
        {
            return ContentTypes[".pdf"];
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ContentTypes[".jpg"];
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ContentTypes[".png"];
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return SniffPackage(content);
        }

        return null;
    }

    private static string? SniffPackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)))
            {
                return ContentTypes[".docx"];
            }

            return names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? ContentTypes[".xlsx"] : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    private static string Describe(string contentType) => ContentTypes.First(p => p.Value == contentType).Key.TrimStart('.').ToUpperInvariant();
}
