using Microsoft.Extensions.Configuration;
using Modular.Kit.Documents;
using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Study.Steps;

internal sealed class AttachMaterialInput : StudyStepInput
{
    public string? FileName { get; set; }

    public string? ContentBase64 { get; set; }
}

/// <summary>A material's bytes, kept in PostgreSQL as the other modules keep attachments, so every host instance serves the same file.</summary>
internal sealed class StoredStudyMaterial
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public byte[] Content { get; set; } = [];
}

/// <summary>
/// 上传学习材料: the session's materials (the slides, the text studied, the sign-in sheet): documents only (PDF, DOCX,
/// XLSX, PPTX, checked by content), bounded in size and count.
/// </summary>
internal sealed class AttachMaterial(StudyStepContext context, IConfiguration configuration)
{
    public const string Step = "attach";
    public const int MaxMaterials = 20;
    public const long DefaultMaxBytes = 10 * 1024 * 1024;
    public const string MaxBytesSetting = "Modular:LawStudy:MaxMaterialBytes";

    public long MaxBytes => configuration.GetValue<long?>(MaxBytesSetting) is { } configured and > 0 ? configured : DefaultMaxBytes;

    /// <summary>The bytes of a posted base64 text, or null with the field named.</summary>
    public static byte[]? Decode(string? base64, InputErrors errors)
    {
        try
        {
            return Convert.FromBase64String(base64 ?? "");
        }
        catch (FormatException)
        {
            errors.Add("contentBase64", "文件内容须为 Base64 编码", "The file content must be Base64.");
            return null;
        }
    }

    public static IReadOnlyList<object> Decide(StudySession session, string? fileName, byte[]? content, long maxBytes, Guid materialId, string by, InputErrors errors)
    {
        StudySession.Steps.Expect(session, Step, errors);
        if (session.Materials.Count >= MaxMaterials)
        {
            errors.Add("fileName", $"每次学习最多{MaxMaterials}份材料", $"A session holds at most {MaxMaterials} materials.");
        }

        var checkedFile = content is null ? null : DocumentFiles.Check(errors, "fileName", "contentBase64", fileName, content, maxBytes);
        return errors.Any || checkedFile is not { } file
            ? []
            : [new StudyMaterialAttached(new StudyMaterialRef(materialId, file.Name, file.ContentType, content!.LongLength), by)];
    }

    public Task<bool> RunAsync(Guid id, long? version, string? fileName, byte[]? content, CancellationToken ct)
    {
        var errors = new InputErrors();
        var materialId = Guid.CreateVersion7();
        return context.RunAsync(id, version, errors, s =>
        {
            var events = Decide(s, fileName, content, MaxBytes, materialId, context.By, errors);
            if (events is [StudyMaterialAttached attached])
            {
                context.Session.Store(new StoredStudyMaterial
                {
                    Id = materialId,
                    SessionId = id,
                    FileName = attached.Material.FileName,
                    ContentType = attached.Material.ContentType,
                    Content = content!,
                });
            }

            return events;
        }, ct);
    }

    public Task<bool> RunAsync(Guid id, AttachMaterialInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var content = Decode(input.ContentBase64, errors);
        errors.ThrowIfAny();
        return RunAsync(id, input.Version, input.FileName, content, ct);
    }
}
