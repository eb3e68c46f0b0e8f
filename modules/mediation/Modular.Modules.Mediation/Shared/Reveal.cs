using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;

namespace Modular.Modules.Mediation.Shared;

/// <summary>The body of a reveal: which field (<see cref="PersonalDataKind"/> name) and why.</summary>
internal sealed class RevealInput
{
    public string? Field { get; set; }

    public string? Reason { get; set; }
}

internal sealed record Revealed(string Field, string Value);

/// <summary>
/// One field of one person in clear, for a user allowed to see it who gives a reason. The guard records the reveal
/// (who, what, when, why) in the township's audit trail; the value itself is only ever in this answer.
/// </summary>
internal static class Reveal
{
    /// <param name="valueOf">The person's value of a field, or null when none is on record.</param>
    /// <param name="subject">Whose data, as the township admin reads it (纠纷 2026-0001 / 刘德华); never the value.</param>
    public static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> FieldAsync(
        RevealInput input, Func<PersonalDataKind, string?> valueOf, string subject, IPersonalDataGuard guard, CancellationToken ct)
    {
        var errors = new Errors();
        var kind = errors.Choice<PersonalDataKind>("field", input.Field, "字段", "field");
        var reason = errors.Required("reason", input.Reason, "查看理由", "Reason", 500);
        var value = kind is { } k ? valueOf(k) : null;
        if (kind is not null && value is null)
        {
            errors.Add("field", "没有登记此项", "There is no such value on record.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return TypedResults.Ok(new Revealed(kind!.Value.ToString(), await guard.RevealAsync(kind.Value, value!, subject, reason!, ct)));
    }
}
