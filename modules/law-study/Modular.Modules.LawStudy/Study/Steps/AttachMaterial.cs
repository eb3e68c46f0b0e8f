using Microsoft.Extensions.Configuration;
using Modular.Kit.Documents;
using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Study.Steps;

internal sealed class AttachMaterialInput : StudyStepInput
{
    public string? FileName { get; set; }

    [LongText(TextLimits.FileContent)]
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

/// <summary>A document as it is kept: the stored name, its bytes and the content type its bytes were judged to be.</summary>
internal readonly record struct MaterialFile(string Name, byte[] Content, string ContentType);

/// <summary>
/// 上传学习材料: the session's materials (the slides, the text studied, the sign-in sheet): documents only (PDF, DOCX,
/// XLSX, PPTX, OFD, judged by their bytes through the kit's <see cref="DocumentFiles"/>), bounded in size and count.
/// </summary>
internal sealed class AttachMaterial(StudyStepContext context, IConfiguration configuration)
{
    public const string Step = "attach";
    public const int MaxMaterials = 20;
    public const string MaxBytesSetting = "Modular:LawStudy:MaxMaterialBytes";

    public int MaxBytes => configuration.GetValue<int?>(MaxBytesSetting) is { } configured and > 0 ? configured : DocumentFiles.DefaultMaxBytes;

    public static IReadOnlyList<object> Decide(StudySession session, MaterialFile? file, Guid materialId, string by, InputErrors errors)
    {
        StudySession.Steps.Expect(session, Step, errors);
        if (session.Materials.Count >= MaxMaterials)
        {
            errors.Add("fileName", $"每次学习最多{MaxMaterials}份材料", $"A session holds at most {MaxMaterials} materials.");
        }

        return errors.Any || file is not { } f
            ? []
            : [new StudyMaterialAttached(new StudyMaterialRef(materialId, f.Name, f.ContentType, f.Content.LongLength), by)];
    }

    /// <summary>The page's upload: the bytes as the browser sent them.</summary>
    public Task<bool> RunAsync(Guid id, long? version, string? fileName, byte[] content, CancellationToken ct)
    {
        var errors = new InputErrors();
        var file = DocumentFiles.Check(errors, "fileName", "contentBase64", fileName, content, MaxBytes) is { } f ? new MaterialFile(f.Name, content, f.ContentType) : (MaterialFile?)null;
        return SaveAsync(id, version, file, errors, ct);
    }

    /// <summary>The API's upload: base64, refused by the kit before it is decoded when it is too long.</summary>
    public Task<bool> RunAsync(Guid id, AttachMaterialInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var file = DocumentFiles.Read(errors, "fileName", input.FileName, "contentBase64", input.ContentBase64, MaxBytes) is { } f ? new MaterialFile(f.Name, f.Content, f.ContentType) : (MaterialFile?)null;
        return SaveAsync(id, input.Version, file, errors, ct);
    }

    private Task<bool> SaveAsync(Guid id, long? version, MaterialFile? file, InputErrors errors, CancellationToken ct)
    {
        var materialId = Guid.CreateVersion7();
        return context.RunAsync(id, version, errors, s =>
        {
            var events = Decide(s, file, materialId, context.By, errors);
            if (events is [StudyMaterialAttached] && file is { } f)
            {
                // Staged in the same unit of work as the event: saved together or not at all.
                context.Session.Store(new StoredStudyMaterial
                {
                    Id = materialId,
                    SessionId = id,
                    FileName = f.Name,
                    ContentType = f.ContentType,
                    Content = f.Content,
                });
            }

            return events;
        }, ct);
    }
}
