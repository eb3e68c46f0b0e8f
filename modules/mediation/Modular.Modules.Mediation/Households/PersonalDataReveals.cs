using Modular.Contracts.PersonalData;
using Modular.Contracts.Townships;
using Modular.Modules.Mediation.Shared;

namespace Modular.Modules.Mediation.Households;

/// <summary>The fields of a member that are masked, and may be revealed one at a time.</summary>
internal enum PersonalField
{
    IdNumber,
    Phone,
    Address, // the household's, where the member lives
}

internal sealed class RevealInput
{
    public string? Field { get; set; }

    public string? Reason { get; set; }
}

internal sealed record RevealedField(string Field, string Value);

/// <summary>
/// Shows one field of one member in clear, to a user allowed to, for the reason they give. The guard records who
/// revealed what and why (never the value) and the township admin sees the list; the value goes only to this answer.
/// </summary>
internal sealed class PersonalDataReveals(HouseholdQueries queries, IPersonalDataGuard guard, ICurrentUser user)
{
    public bool Allowed => user.HasPermission(Permissions.PersonalDataReveal);

    /// <summary>The clear value, or null when the household or member is not this township's.</summary>
    /// <exception cref="UnauthorizedAccessException">The user may not reveal personal data (the API refuses them earlier, with 403).</exception>
    public async Task<RevealedField?> RevealAsync(Guid householdId, Guid memberId, RevealInput input, CancellationToken ct)
    {
        if (!Allowed)
        {
            throw new UnauthorizedAccessException("查看完整个人信息需要相应权限 / Revealing personal data needs the permission.");
        }

        if (await queries.LoadAsync(householdId, ct) is not { } household || household.Find(memberId) is not { } member)
        {
            return null;
        }

        var errors = new Errors();
        var field = errors.Choice<PersonalField>("field", input.Field, "查看的字段", "field");
        var reason = errors.Required("reason", input.Reason, "查看理由", "Reason", 500);
        var (kind, value) = field switch
        {
            PersonalField.IdNumber => (PersonalDataKind.IdNumber, member.IdNumber),
            PersonalField.Phone => (PersonalDataKind.PhoneNumber, member.Phone),
            PersonalField.Address => (PersonalDataKind.Address, household.Address),
            _ => (PersonalDataKind.Name, null),
        };
        if (field is not null && string.IsNullOrEmpty(value))
        {
            errors.Add("field", "该项未登记，无可查看的内容", "Nothing is recorded in this field.");
        }

        HouseholdStreams.ThrowIfAny(errors);
        var clear = await guard.RevealAsync(kind, value!, Subject(household, member), reason!, ct);
        return new RevealedField(field!.Value.ToString(), clear);
    }

    /// <summary>Whose data it is, as the township admin's list shows it: the household and the member's name, never the value.</summary>
    public static string Subject(Household household, Member member) => $"户 {household.Number} / {member.Name}";
}
