using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>A request as filed on the portal or typed in by staff from a letter, fax or visit. Strings, so every bad field is reported.</summary>
/// <remarks>Public only because the shared Razor fields component takes it as a parameter.</remarks>
internal sealed class ReceiveRequestInput
{
    public string? RequesterType { get; set; }

    public string? Name { get; set; }

    public string? IdType { get; set; }

    public string? IdNumber { get; set; }

    public string? OrganisationCode { get; set; }

    public string? LegalRepresentative { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public string? Email { get; set; }

    public string? Description { get; set; }

    public string? DocumentNumber { get; set; }

    public string? Form { get; set; }

    public string? Delivery { get; set; }

    /// <summary>Staff intake only: the channel, and the dates its receipt rule reads.</summary>
    public string? Channel { get; set; }

    public string? SubmittedOn { get; set; }

    public string? SignedForOn { get; set; }

    public string? ConfirmedOn { get; set; }
}

internal sealed record RequestFiled(Guid Id, string Number, string AccessCode, DateOnly ReceivedOn, DateOnly? ReplyDueOn, string StatusPage, bool ReplyDueOnProvisional = false);

/// <summary>Receives a request: validates it (Art 29), fixes its day of receipt (Art 31), numbers it and issues its access code.</summary>
internal sealed class ReceiveRequest(IDocumentSession session, ReplyClock clock, ITownshipContext township)
{
    public async Task<RequestFiled> ReceiveAsync(ReceiveRequestInput input, bool byStaff, CancellationToken ct)
    {
        var errors = new InputErrors();
        var today = clock.Today;
        var applicant = ReadApplicant(input, errors);
        var description = errors.Required("description", input.Description, "所需信息的名称、文号或便于查询的其他特征描述", "Description of the information", 4000);
        var documentNumber = errors.Optional("documentNumber", input.DocumentNumber, "文号", "Document number", 200);
        var form = errors.Choice<InformationForm>("form", input.Form, "信息的载体形式", "form");
        var delivery = errors.Choice<DeliveryMethod>("delivery", input.Delivery, "获取方式", "delivery method");
        if (delivery == DeliveryMethod.Post && string.IsNullOrWhiteSpace(input.Address))
        {
            errors.Add("address", "邮寄须填写通信地址", "An address is needed for delivery by post.");
        }

        if (delivery == DeliveryMethod.Email && string.IsNullOrWhiteSpace(input.Email))
        {
            errors.Add("email", "电子邮件送达须填写邮箱", "An e-mail address is needed for delivery by e-mail.");
        }

        var channel = byStaff ? errors.Choice<RequestChannel>("channel", input.Channel, "收件渠道", "channel") : RequestChannel.Online;
        DateOnly? receivedOn = byStaff ? null : today;
        if (byStaff && channel is { } c)
        {
            receivedOn = ReceiptDay(c, input, errors, today);
        }

        // A missing applicant or day of receipt has always named its field.
        errors.ThrowIfAny();

        var code = AccessCodes.NewCode();
        var (salt, hash) = AccessCodes.Hash(code);
        // The counter keeps its key requests-{year}: numbers go on from those already given.
        var received = await YearlyNumbers.SaveWithNextAsync<RequestNumberCounter, DisclosureRequestReceived>(session, receivedOn!.Value.Year, number =>
        {
            var e = new DisclosureRequestReceived(Guid.NewGuid(), number, channel!.Value, receivedOn.Value, applicant!, description!, documentNumber, form!.Value, delivery!.Value, salt, hash);
            session.Events.StartStream<DisclosureRequest>(e.Id, e);
            return e;
        }, ct, series: "requests");
        var due = clock.For(DisclosureRequest.Create(received));
        return new RequestFiled(received.Id, received.Number, code, received.ReceivedOn, due.DueOn, Portal.PortalRoutes.RequestStatus(township.Required.Slug), due.Provisional);
    }

    /// <summary>The day of receipt by the channel's rule (Art 31): the one date that rule reads must be given.</summary>
    private static DateOnly? ReceiptDay(RequestChannel channel, ReceiveRequestInput input, InputErrors errors, DateOnly today)
    {
        var rule = RequestVocabulary.RuleFor(channel);
        var submitted = errors.Date("submittedOn", input.SubmittedOn, "提交日期", "Submission date", today, required: rule.Counts == ReceiptDate.SubmittedOn);
        var signed = errors.Date("signedForOn", input.SignedForOn, "签收日期", "Signed-for date", today, required: rule.Counts == ReceiptDate.SignedForOn);
        var confirmed = errors.Date("confirmedOn", input.ConfirmedOn, "确认日期", "Confirmation date", today, required: rule.Counts == ReceiptDate.ConfirmedOn);
        var receivedOn = rule.Counts switch
        {
            ReceiptDate.SubmittedOn => submitted,
            ReceiptDate.SignedForOn => signed,
            _ => confirmed,
        };
        if (receivedOn is { } day && submitted is { } sent && sent > day)
        {
            errors.Add("submittedOn", "提交日期不能晚于收到日期", "The submission date cannot be after the day of receipt.");
        }

        return receivedOn;
    }

    private static Applicant? ReadApplicant(ReceiveRequestInput input, InputErrors errors)
    {
        var type = errors.Choice<RequesterType>("requesterType", input.RequesterType, "申请人类型", "requester type");
        var name = errors.Required("name", input.Name, type == RequesterType.NaturalPerson ? "姓名" : "名称", "Name", 200);
        var phone = errors.Phone("phone", input.Phone, required: true);
        var address = errors.Optional("address", input.Address, "通信地址", "Address", 300);
        var email = errors.Optional("email", input.Email, "电子邮箱", "E-mail", 200);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.Contains(' ', StringComparison.Ordinal)))
        {
            errors.Add("email", "电子邮箱格式不正确", "The e-mail address is not valid.");
        }

        IdentityDocumentType? idType = null;
        string? idNumber = null, orgCode = null, legalRep = null;
        if (type == RequesterType.NaturalPerson)
        {
            idType = errors.Choice<IdentityDocumentType>("idType", input.IdType, "身份证件类型", "identity document type");
            // Only a resident ID card has a GB 11643 check digit; a passport or permit number is taken as written.
            idNumber = idType == IdentityDocumentType.ResidentIdCard
                ? errors.IdNumber("idNumber", input.IdNumber, required: true)
                : errors.Required("idNumber", input.IdNumber, "身份证件号码", "Identity document number", 40)?.ToUpperInvariant();
        }
        else if (type is not null)
        {
            orgCode = errors.CreditCode("organisationCode", input.OrganisationCode, required: true);
            legalRep = errors.Required("legalRepresentative", input.LegalRepresentative, "法定代表人或者主要负责人", "Legal representative", 100);
        }

        return type is null || name is null || phone is null
            ? null
            : new Applicant(type.Value, name, idType, idNumber, orgCode, legalRep, phone, address, email);
    }

    public static async Task<Created<RequestFiled>> PublicEndpointAsync(ReceiveRequestInput input, ReceiveRequest handler, CancellationToken ct)
    {
        var filed = await handler.ReceiveAsync(input, byStaff: false, ct);
        return TypedResults.Created($"requests/status?number={filed.Number}", filed);
    }

    public static async Task<Created<RequestFiled>> StaffEndpointAsync(ReceiveRequestInput input, ReceiveRequest handler, CancellationToken ct)
    {
        var filed = await handler.ReceiveAsync(input, byStaff: true, ct);
        return TypedResults.Created($"requests/{filed.Id}", filed);
    }
}
