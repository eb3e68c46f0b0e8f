namespace Modular.Kit.Input;

/// <summary>
/// How long the platform's texts may be, by kind. A step reads each field with its kind's bound
/// (<c>errors.Required("title", input.Title, "标题", "Title", TextLimits.Title)</c>); the host's request gate refuses,
/// before anything binds or allocates it, any JSON string longer than <see cref="Long"/> unless the request type's
/// property says it carries more (<see cref="LongTextAttribute"/>), so a megabyte pasted into a field costs a 400
/// naming the field, not a megabyte copied through binding, events, lists and documents.
/// </summary>
public static class TextLimits
{
    /// <summary>A person's or an organisation's name.</summary>
    public const int Name = 100;

    /// <summary>A title, subject or one-line summary.</summary>
    public const int Title = 200;

    /// <summary>A note, reason, answer or description: the default of <see cref="InputErrors.Required"/>.</summary>
    public const int Note = InputErrors.DefaultMaxLength;

    /// <summary>A written record, opinion or report part (a mediation record, a report's judgement part).</summary>
    public const int Long = 20_000;

    /// <summary>A rich-text body (a publication's sanitised HTML, with its tables): the step checks what is left after sanitising.</summary>
    public const int RichText = 500_000;

    /// <summary>A file's Base64 content: bounded by the request body's limit and then by the file's own size limit, not here.</summary>
    public const int FileContent = int.MaxValue;
}

/// <summary>
/// Declares that a request's property may carry text longer than <see cref="TextLimits.Long"/>, up to
/// <paramref name="maxLength"/> characters: a publication's HTML body, a file's Base64 content. On a positional record
/// put it on the property (<c>[property: LongText(500_000)]</c>). The host's request gate reads it from the endpoint's
/// request type; the step still checks the value's own rules.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = true)]
public sealed class LongTextAttribute(int maxLength) : Attribute
{
    public int MaxLength { get; } = maxLength;
}
