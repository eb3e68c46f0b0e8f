using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Townships;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>A request as filed on the portal or typed in by staff from a letter, fax or visit. Strings, so every bad field is reported.</summary>
/// <remarks>Public only because the shared Razor fields component takes it as a parameter.</remarks>
public sealed class ReceiveRequestInput
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

internal sealed record RequestFiled(Guid Id, string Number, string AccessCode, DateOnly ReceivedOn, DateOnly? ReplyDueOn, string StatusPage);

/// <summary>Receives a request: validates it (Art 29), fixes its day of receipt (Art 31), numbers it and issues its access code.</summary>
internal sealed class ReceiveRequest(IDocumentSession session, ReplyClock clock, ITownshipContext township)
{
    private const int MaxAttempts = 20;

    public async Task<RequestFiled> ReceiveAsync(ReceiveRequestInput input, bool byStaff, CancellationToken ct)
    {
        var errors = new Errors();
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

        if (errors.Any || applicant is null || receivedOn is null)
        {
            throw new RequestInputException(errors.ToDictionary());
        }

        var code = AccessCodes.NewCode();
        var (salt, hash) = AccessCodes.Hash(code);
        for (var attempt = 1; ; attempt++)
        {
            var year = receivedOn.Value.Year;
            var counter = await session.LoadAsync<RequestNumberCounter>($"requests-{year}", ct) ?? new RequestNumberCounter { Id = $"requests-{year}" };
            counter.Last++;
            var number = $"{year}-{counter.Last:D4}";
            var received = new DisclosureRequestReceived(Guid.NewGuid(), number, channel!.Value, receivedOn.Value, applicant, description!, documentNumber, form!.Value, delivery!.Value, salt, hash);
            session.Store(counter);
            session.Events.StartStream<DisclosureRequest>(received.Id, received);
            try
            {
                await session.SaveChangesAsync(ct);
                var due = clock.For(DisclosureRequest.Create(received));
                return new RequestFiled(received.Id, number, code, received.ReceivedOn, due.DueOn, Portal.PortalRoutes.RequestStatus(township.Required.Slug));
            }
            catch (Exception clash) when (attempt < MaxAttempts && clash is JasperFx.ConcurrencyException or JasperFx.DocumentAlreadyExistsException)
            {
                // Another request took the same number at once: the counter is versioned, so draw again after a short,
                // random pause that keeps racing requests from colliding in step.
                session.EjectAllPendingChanges();
                session.Eject(counter);
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
        }
    }

    /// <summary>The day of receipt by the channel's rule (Art 31): the one date that rule reads must be given.</summary>
    private static DateOnly? ReceiptDay(RequestChannel channel, ReceiveRequestInput input, Errors errors, DateOnly today)
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

    private static Applicant? ReadApplicant(ReceiveRequestInput input, Errors errors)
    {
        var type = errors.Choice<RequesterType>("requesterType", input.RequesterType, "申请人类型", "requester type");
        var name = errors.Required("name", input.Name, type == RequesterType.NaturalPerson ? "姓名" : "名称", "Name", 200);
        var phone = errors.Required("phone", input.Phone, "联系电话", "Phone", 30);
        if (phone is not null && !phone.All(ch => char.IsAsciiDigit(ch) || ch is '-' or '+' or ' '))
        {
            errors.Add("phone", "联系电话只能包含数字", "The phone number may only contain digits.");
        }

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
            idNumber = errors.Required("idNumber", input.IdNumber, "身份证件号码", "Identity document number", 40)?.ToUpperInvariant();
            if (idType == IdentityDocumentType.ResidentIdCard && idNumber is not null && !IdentityNumbers.IsValidResidentId(idNumber))
            {
                errors.Add("idNumber", "身份证号码校验不通过（GB 11643）", "The ID number fails its check digit (GB 11643).");
            }
        }
        else if (type is not null)
        {
            orgCode = errors.Required("organisationCode", input.OrganisationCode, "统一社会信用代码", "Unified social credit code", 18)?.ToUpperInvariant();
            if (orgCode is not null && !IdentityNumbers.IsValidCreditCode(orgCode))
            {
                errors.Add("organisationCode", "统一社会信用代码校验不通过（GB 32100）", "The credit code fails its check character (GB 32100).");
            }

            legalRep = errors.Required("legalRepresentative", input.LegalRepresentative, "法定代表人或者主要负责人", "Legal representative", 100);
        }

        return type is null || name is null || phone is null
            ? null
            : new Applicant(type.Value, name, idType, idNumber, orgCode, legalRep, phone, address, email);
    }

    public static async Task<Results<Created<RequestFiled>, ValidationProblem>> PublicEndpointAsync(ReceiveRequestInput input, ReceiveRequest handler, CancellationToken ct)
    {
        try
        {
            var filed = await handler.ReceiveAsync(input, byStaff: false, ct);
            return TypedResults.Created($"requests/status?number={filed.Number}", filed);
        }
        catch (RequestInputException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
    }

    public static async Task<Results<Created<RequestFiled>, ValidationProblem>> StaffEndpointAsync(ReceiveRequestInput input, ReceiveRequest handler, CancellationToken ct)
    {
        try
        {
            var filed = await handler.ReceiveAsync(input, byStaff: true, ct);
            return TypedResults.Created($"requests/{filed.Id}", filed);
        }
        catch (RequestInputException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
    }
}
