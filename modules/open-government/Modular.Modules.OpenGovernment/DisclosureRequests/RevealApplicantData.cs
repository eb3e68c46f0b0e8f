using Modular.Contracts.PersonalData;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

internal sealed class RevealInput
{
    /// <summary>idNumber, phone or address.</summary>
    public string? Field { get; set; }

    public string? Reason { get; set; }
}

internal sealed record Revealed(string Field, string Value);

/// <summary>Shows one of the applicant's masked fields in clear, for a stated reason; the host's guard records the reveal.</summary>
internal sealed class RevealApplicantData(RequestQueries queries, IPersonalDataGuard guard)
{
    public async Task<Revealed?> RevealAsync(Guid id, RevealInput input, CancellationToken ct)
    {
        var request = await queries.LoadAsync(id, ct);
        if (request is null)
        {
            return null;
        }

        var errors = new Errors();
        var reason = errors.Required("reason", input.Reason, "查看理由", "Reason", 500);
        (PersonalDataKind Kind, string? Value)? field = input.Field?.Trim().ToLowerInvariant() switch
        {
            "idnumber" => (PersonalDataKind.IdNumber, request.Applicant.IdNumber),
            "phone" => (PersonalDataKind.PhoneNumber, request.Applicant.Phone),
            "address" => (PersonalDataKind.Address, request.Applicant.Address),
            _ => null,
        };
        if (field is null)
        {
            errors.Add("field", "请选择要查看的字段（idNumber、phone、address）", "Choose the field to reveal: idNumber, phone or address.");
        }
        else if (string.IsNullOrEmpty(field.Value.Value))
        {
            errors.Add("field", "该字段未填写", "The applicant gave no value for this field.");
        }

        RequestStreams.ThrowIfAny(errors);
        var subject = $"依申请公开 {request.Number} 申请人";
        var value = await guard.RevealAsync(field!.Value.Kind, field.Value.Value!, subject, reason!, ct);
        return new Revealed(input.Field!.Trim(), value);
    }
}
