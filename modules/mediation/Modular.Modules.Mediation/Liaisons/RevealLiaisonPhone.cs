using Marten;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Townships;
using Modular.Modules.Mediation.Shared;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>A liaison has one personal field, the phone: a reveal only needs the reason.</summary>
internal sealed class PhoneRevealInput
{
    public string? Reason { get; set; }
}

internal sealed record RevealedPhone(string Phone);

/// <summary>Shows a liaison's phone number in clear, for a stated reason; the host's guard records who looked and why.</summary>
internal sealed class RevealLiaisonPhone(IQuerySession session, IPersonalDataGuard guard, ICurrentUser user)
{
    /// <summary>The number, or null when the liaison is not this township's.</summary>
    public async Task<RevealedPhone?> RevealAsync(Guid id, PhoneRevealInput input, CancellationToken ct)
    {
        if (await session.LoadAsync<Liaison>(id, ct) is not { } liaison)
        {
            return null;
        }

        var errors = new Errors();
        if (!user.HasPermission(Permissions.PersonalDataReveal))
        {
            // The API's policy refuses first (403); this keeps a page from ever skipping the rule.
            errors.Add("reason", "您没有查看完整个人信息的权限", "You may not reveal personal data.");
        }

        var reason = errors.Required("reason", input.Reason, "查看理由", "Reason", 500);
        if (liaison.Phone is null)
        {
            errors.Add("phone", "该联络员未登记联系电话", "No phone number is on the roster for this liaison.");
        }

        Streams.ThrowIfAny(errors);
        var phone = await guard.RevealAsync(PersonalDataKind.PhoneNumber, liaison.Phone!, $"信息联络员 {liaison.Name}（{liaison.Village}）", reason!, ct);
        return new RevealedPhone(phone);
    }
}
