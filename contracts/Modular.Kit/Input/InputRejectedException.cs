namespace Modular.Kit.Input;

/// <summary>
/// The platform's one refusal of input: every bad field with its messages. The host answers it 400 problem details
/// (<c>errors</c>: field → messages); a page catches it and shows each message beside its field. No module defines
/// its own.
/// </summary>
public sealed class InputRejectedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("输入有误 / Input is not valid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>A refusal of one field.</summary>
    public static InputRejectedException Of(string field, string chinese, string english) =>
        new(new Dictionary<string, string[]> { [field] = [$"{chinese} / {english}"] });
}
