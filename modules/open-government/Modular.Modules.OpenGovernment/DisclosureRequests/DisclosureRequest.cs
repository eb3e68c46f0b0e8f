using Modular.Kit.Steps;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>The applicant as the request names them (政府信息公开条例 Art 29). Personal data: shown only masked.</summary>
internal sealed record Applicant(
    RequesterType Type,
    string Name,
    IdentityDocumentType? IdType,
    string? IdNumber,
    string? OrganisationCode,
    string? LegalRepresentative,
    string Phone,
    string? Address,
    string? Email);

internal sealed record DisclosureRequestReceived(
    Guid Id,
    string Number,
    RequestChannel Channel,
    DateOnly ReceivedOn,
    Applicant Applicant,
    string Description,
    string? DocumentNumber,
    InformationForm Form,
    DeliveryMethod Delivery,
    string AccessCodeSalt,
    string AccessCodeHash);

/// <summary>One notice listing everything unclear (Art 30); the clock stands still until the correction arrives.</summary>
internal sealed record CorrectionNoticeSent(DateOnly NoticeOn, string Items);

/// <summary>The corrected request arrived: the reply period starts again from this day (Art 30).</summary>
internal sealed record CorrectedRequestReceived(DateOnly ReceivedOn, string? Description);

/// <summary>The reply period was extended, once, with a notice to the applicant (Art 33).</summary>
internal sealed record ReplyPeriodExtended(DateOnly NoticeOn, int WorkingDays, string Reason);

/// <summary>A third party's views were sought (Art 32); the time it takes does not count.</summary>
internal sealed record ThirdPartyConsultationStarted(DateOnly SentOn, string ThirdParty);

internal sealed record ThirdPartyConsultationEnded(DateOnly RepliedOn, string? Summary);

internal sealed record DisclosureRequestAnswered(DateOnly AnsweredOn, ReplyCategory Category, ReplyReason? Reason, string Text);

internal sealed record Consultation(DateOnly SentOn, string ThirdParty, DateOnly? RepliedOn);

/// <summary>A disclosure request (依申请公开) and where it stands: the inline snapshot of its stream.</summary>
internal sealed class DisclosureRequest
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Number { get; set; } = "";

    public int Year { get; set; }

    public RequestChannel Channel { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public Applicant Applicant { get; set; } = new(RequesterType.Other, "", null, null, null, null, "", null, null);

    public string Description { get; set; } = "";

    public string? DocumentNumber { get; set; }

    public InformationForm Form { get; set; }

    public DeliveryMethod Delivery { get; set; }

    public string AccessCodeSalt { get; set; } = "";

    public string AccessCodeHash { get; set; } = "";

    public RequestState State { get; set; }

    public bool IsOpen { get; set; }

    public DateOnly? CorrectionNoticeOn { get; set; }

    public string? CorrectionItems { get; set; }

    public DateOnly? CorrectedOn { get; set; }

    public DateOnly? ExtensionNoticeOn { get; set; }

    public int ExtensionWorkingDays { get; set; }

    public string? ExtensionReason { get; set; }

    public List<Consultation> Consultations { get; set; } = [];

    public DateOnly? AnsweredOn { get; set; }

    public ReplyCategory? Category { get; set; }

    public ReplyReason? Reason { get; set; }

    public string? ReplyText { get; set; }

    /// <summary>The day the reply period runs from: receipt, or the corrected request's arrival (Art 30).</summary>
    public DateOnly ClockStartsOn => CorrectedOn ?? ReceivedOn;

    public bool HasOpenConsultation => Consultations.Any(c => c.RepliedOn is null);

    public static DisclosureRequest Create(DisclosureRequestReceived e) => new()
    {
        Id = e.Id,
        Number = e.Number,
        Year = e.ReceivedOn.Year,
        Channel = e.Channel,
        ReceivedOn = e.ReceivedOn,
        Applicant = e.Applicant,
        Description = e.Description,
        DocumentNumber = e.DocumentNumber,
        Form = e.Form,
        Delivery = e.Delivery,
        AccessCodeSalt = e.AccessCodeSalt,
        AccessCodeHash = e.AccessCodeHash,
        State = RequestState.Received,
        IsOpen = true,
    };

    public void Apply(CorrectionNoticeSent e)
    {
        CorrectionNoticeOn = e.NoticeOn;
        CorrectionItems = e.Items;
        State = RequestState.AwaitingCorrection;
    }

    public void Apply(CorrectedRequestReceived e)
    {
        CorrectedOn = e.ReceivedOn;
        if (!string.IsNullOrWhiteSpace(e.Description))
        {
            Description = e.Description;
        }

        State = RequestState.Received;
    }

    public void Apply(ReplyPeriodExtended e)
    {
        ExtensionNoticeOn = e.NoticeOn;
        ExtensionWorkingDays = e.WorkingDays;
        ExtensionReason = e.Reason;
    }

    public void Apply(ThirdPartyConsultationStarted e)
    {
        Consultations.Add(new Consultation(e.SentOn, e.ThirdParty, null));
        State = RequestState.InConsultation;
    }

    public void Apply(ThirdPartyConsultationEnded e)
    {
        var open = Consultations.FindIndex(c => c.RepliedOn is null);
        if (open >= 0)
        {
            Consultations[open] = Consultations[open] with { RepliedOn = e.RepliedOn };
        }

        State = RequestState.Received;
    }

    public void Apply(DisclosureRequestAnswered e)
    {
        AnsweredOn = e.AnsweredOn;
        Category = e.Category;
        Reason = e.Reason;
        ReplyText = e.Text;
        State = RequestState.Answered;
        IsOpen = false;
    }

    // The integration event changes nothing here; it is on the stream for the host to relay.
    public void Apply(Modular.Contracts.OpenGovernment.DisclosureRequestFoundToBePetition e)
    {
    }
}

/// <summary>The next tracking number of a township's year (2026-0001, 2026-0002, ...), stored as <c>requests-{year}</c>.</summary>
internal sealed class RequestNumberCounter : IYearCounter
{
    public string Id { get; set; } = "";

    public int Last { get; set; }
}
