using Modular.Contracts.PersonalData;
using Modular.Contracts.Townships;
using Modular.Modules.Mediation.Shared;

namespace Modular.Modules.Mediation.Households;

/// <summary>
/// Shows one field of one member in clear, to a user allowed to, for the reason they give. The guard records who
/// revealed what and why (never the value) and the township admin sees the list; the value goes only to this answer.
/// </summary>
internal sealed class PersonalDataReveals(HouseholdQueries queries, IPersonalDataGuard guard, ICurrentUser user)
{
    public bool Allowed => user.HasPermission(Permissions.PersonalDataReveal);

    /// <summary>The clear value, or null when the household or member is not this township's.</summary>
    /// <exception cref="UnauthorizedAccessException">The user may not reveal personal data (the API refuses them earlier, with 403).</exception>
    public async Task<Revealed?> RevealAsync(Guid householdId, Guid memberId, RevealInput input, CancellationToken ct)
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
        var field = errors.Choice<PersonalDataKind>("field", input.Field, "查看的字段", "field");
        var reason = errors.Required("reason", input.Reason, "查看理由", "Reason", 500);
        var (kind, value) = field switch
        {
            PersonalDataKind.IdNumber => (PersonalDataKind.IdNumber, member.IdNumber),
            PersonalDataKind.PhoneNumber => (PersonalDataKind.PhoneNumber, member.Phone),
            PersonalDataKind.Address => (PersonalDataKind.Address, household.Address), // the household's, where the member lives
            _ => (PersonalDataKind.Name, null),
        };
        if (field is not null && string.IsNullOrEmpty(value))
        {
            errors.Add("field", "该项未登记，无可查看的内容", "Nothing is recorded in this field.");
        }

        HouseholdStreams.ThrowIfAny(errors);
        var clear = await guard.RevealAsync(kind, value!, Subject(household, member), reason!, ct);
        return new Revealed(field!.Value.ToString(), clear);
    }

    /// <summary>Whose data it is, as the township admin's list shows it: the household and the member's name, never the value.</summary>
    public static string Subject(Household household, Member member) => $"户 {household.Number} / {member.Name}";
}
