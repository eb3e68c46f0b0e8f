using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Kit.Input;

namespace Modular.Kit.PersonalData;

/// <summary>
/// The one wire format of a reveal, in every module: <c>{"field": "IdNumber" | "PhoneNumber" | "Address", "reason": "…"}</c>
/// (the <see cref="PersonalDataKind"/> names, case-insensitive), posted to the record's <c>…/reveal</c>.
/// </summary>
public sealed class RevealRequest
{
    public string? Field { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The answer: the field's name and its clear value, shown once to the one who asked.</summary>
public sealed record Revealed(string Field, string Value);

/// <summary>
/// One field of one person in clear, for a user allowed to see it who gives a reason. The host's guard records the
/// reveal (who, what, when, why; never the value) in the township's audit trail; the value is only ever in the answer.
/// </summary>
public static class Reveals
{
    public const int MaxReasonLength = 500;

    /// <summary>The fields a person's record can reveal: names are shown in clear, so they are never "revealed".</summary>
    public static readonly IReadOnlyList<PersonalDataKind> Fields = [PersonalDataKind.IdNumber, PersonalDataKind.PhoneNumber, PersonalDataKind.Address];

    /// <summary>Reads the field and the reason, adding a named error for each that is wrong.</summary>
    public static (PersonalDataKind? Field, string? Reason) Read(RevealRequest? request, InputErrors errors)
    {
        var field = errors.Choice<PersonalDataKind>("field", request?.Field, "字段", "field");
        if (field is { } f && !Fields.Contains(f))
        {
            errors.Add("field", "只能查看身份证号码、联系电话或住址", "Only an ID number, a phone number or an address can be revealed.");
            field = null;
        }

        var reason = errors.Required("reason", request?.Reason, "查看理由", "Reason", MaxReasonLength);
        return (field, reason);
    }

    /// <summary>
    /// Reveals the field asked for, recorded by the guard with the reason, for a page's handler or an API: every problem
    /// of the request (no such field, no reason, nothing on record) at once, as <see cref="InputRejectedException"/>.
    /// </summary>
    /// <param name="valueOf">The person's value of a field, or null when none is on record.</param>
    /// <param name="subject">Whose data, as the township admin reads it (纠纷 2026-0001 / 刘德华); never the value.</param>
    public static async Task<Revealed> RevealAsync(
        RevealRequest? request, Func<PersonalDataKind, string?> valueOf, string subject, IPersonalDataGuard guard, CancellationToken ct)
    {
        var errors = new InputErrors();
        var (field, reason) = Read(request, errors);
        var value = field is { } k ? valueOf(k) : null;
        if (field is not null && string.IsNullOrEmpty(value))
        {
            errors.Add("field", "没有登记此项", "There is no such value on record.");
        }

        errors.ThrowIfAny();
        return new Revealed(field!.Value.ToString(), await guard.RevealAsync(field.Value, value!, subject, reason!, ct));
    }

    /// <summary>The API's answer to a reveal: 200 with the clear value, or 400 with every problem.</summary>
    /// <param name="valueOf">The person's value of a field, or null when none is on record.</param>
    /// <param name="subject">Whose data, as the township admin reads it (纠纷 2026-0001 / 刘德华); never the value.</param>
    public static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> AnswerAsync(
        RevealRequest? request, Func<PersonalDataKind, string?> valueOf, string subject, IPersonalDataGuard guard, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok(await RevealAsync(request, valueOf, subject, guard, ct));
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
    }
}
