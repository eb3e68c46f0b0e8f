using Marten;
using Modular.Contracts.PersonalData;
using Modular.Kit.Records;
using static Modular.Kit.Text;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>The applicant as staff see them: ID number, phone and address masked.</summary>
internal sealed record ApplicantView(
    string Type, string TypeLabel, string Name, string? IdType, string? IdTypeLabel, string? IdNumber, string? OrganisationCode,
    string? LegalRepresentative, string Phone, string? Address, string? Email);

internal sealed record ConsultationView(DateOnly SentOn, string ThirdParty, DateOnly? RepliedOn);

internal sealed record RequestView(
    Guid Id,
    long Version,
    string Number,
    string State,
    string StateLabel,
    string Channel,
    string ChannelLabel,
    DateOnly ReceivedOn,
    DateOnly ClockStartsOn,
    DateOnly? ReplyDueOn,
    bool Overdue,
    bool DueDateProvisional,
    DateOnly? CorrectionNoticeDueOn,
    bool CorrectionNoticeDueOnProvisional,
    ApplicantView Applicant,
    string Description,
    string? DocumentNumber,
    string Form,
    string Delivery,
    DateOnly? CorrectionNoticeOn,
    string? CorrectionItems,
    DateOnly? CorrectedOn,
    DateOnly? ExtensionNoticeOn,
    int ExtensionWorkingDays,
    string? ExtensionReason,
    IReadOnlyList<ConsultationView> Consultations,
    DateOnly? AnsweredOn,
    string? Category,
    string? Reason,
    string? ReplyLabel,
    string? ReplyText);

/// <summary>Reads requests for staff, always through the personal-data guard.</summary>
internal sealed class RequestQueries(IQuerySession session, ReplyClock clock, IPersonalDataGuard guard)
{
    public async Task<IReadOnlyList<RequestView>> ListAsync(RequestState? state, CancellationToken ct)
    {
        var query = session.Query<DisclosureRequest>();
        var requests = state is { } s
            ? await query.Where(r => r.State == s).OrderByDescending(r => r.ReceivedOn).ToListAsync(ct)
            : await query.OrderByDescending(r => r.ReceivedOn).ToListAsync(ct);
        return requests.Select(View).ToList();
    }

    public async Task<DisclosureRequest?> LoadAsync(Guid id, CancellationToken ct) => await session.LoadAsync<DisclosureRequest>(id, ct);

    public async Task<RequestView?> GetAsync(Guid id, CancellationToken ct) =>
        await session.LoadAsync<DisclosureRequest>(id, ct) is { } request ? View(request) : null;

    public RequestView View(DisclosureRequest r)
    {
        var due = clock.For(r);
        var a = r.Applicant;
        return new RequestView(
            r.Id, r.Version, r.Number, r.State.ToString(), RequestVocabulary.T(RequestVocabulary.Label(r.State)),
            r.Channel.ToString(), RequestVocabulary.T(RequestVocabulary.Label(r.Channel)),
            r.ReceivedOn, r.ClockStartsOn, due.DueOn, due.Overdue, due.Provisional, r.CorrectionNoticeOn is null && r.IsOpen ? due.CorrectionNoticeDueOn : null,
            r.CorrectionNoticeOn is null && r.IsOpen && due.CorrectionNotice.IsProvisional,
            new ApplicantView(
                a.Type.ToString(), RequestVocabulary.T(RequestVocabulary.Label(a.Type)), a.Name,
                a.IdType?.ToString(), a.IdType is { } t ? RequestVocabulary.T(RequestVocabulary.Label(t)) : null,
                a.IdNumber is null ? null : guard.Mask(PersonalDataKind.IdNumber, a.IdNumber),
                a.OrganisationCode, a.LegalRepresentative,
                guard.Mask(PersonalDataKind.PhoneNumber, a.Phone),
                a.Address is null ? null : guard.Mask(PersonalDataKind.Address, a.Address),
                a.Email),
            r.Description, r.DocumentNumber, r.Form.ToString(), r.Delivery.ToString(),
            r.CorrectionNoticeOn, r.CorrectionItems, r.CorrectedOn,
            r.ExtensionNoticeOn, r.ExtensionWorkingDays, r.ExtensionReason,
            r.Consultations.Select(c => new ConsultationView(c.SentOn, c.ThirdParty, c.RepliedOn)).ToList(),
            r.AnsweredOn, r.Category?.ToString(), r.Reason?.ToString(),
            r.Category is { } cat ? ReplyCategories.Label(cat, r.Reason) : null, r.ReplyText);
    }

    /// <summary>Every event of the request with who recorded it and when: the audit trail, in words without personal data.</summary>
    public Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid id, CancellationToken ct) =>
        Timeline.ReadAsync<DisclosureRequest>(session, id, Describe, ct);

    private static string Describe(object data) => data switch
    {
        DisclosureRequestReceived r => T($"收到申请（{RequestVocabulary.T(RequestVocabulary.Label(r.Channel))}，{r.ReceivedOn:yyyy-MM-dd}）", $"Request received ({r.Channel}, {r.ReceivedOn:yyyy-MM-dd})"),
        CorrectionNoticeSent c => T($"发出补正通知（{c.NoticeOn:yyyy-MM-dd}）", $"Correction notice sent ({c.NoticeOn:yyyy-MM-dd})"),
        CorrectedRequestReceived c => T($"收到补正申请（{c.ReceivedOn:yyyy-MM-dd}），期限重新起算", $"Corrected request received ({c.ReceivedOn:yyyy-MM-dd}); the clock restarts"),
        ReplyPeriodExtended x => T($"延长答复期限{x.WorkingDays}个工作日（{x.NoticeOn:yyyy-MM-dd}告知）", $"Reply period extended by {x.WorkingDays} working days (notified {x.NoticeOn:yyyy-MM-dd})"),
        ThirdPartyConsultationStarted s => T($"征求第三方意见：{s.ThirdParty}（{s.SentOn:yyyy-MM-dd}）", $"Third party consulted: {s.ThirdParty} ({s.SentOn:yyyy-MM-dd})"),
        ThirdPartyConsultationEnded e => T($"第三方答复（{e.RepliedOn:yyyy-MM-dd}）", $"Third party answered ({e.RepliedOn:yyyy-MM-dd})"),
        DisclosureRequestAnswered a => T($"答复：{ReplyCategories.Label(a.Category, a.Reason)}（{a.AnsweredOn:yyyy-MM-dd}）", $"Answered: {ReplyCategories.Info(a.Category).English} ({a.AnsweredOn:yyyy-MM-dd})"),
        Modular.Contracts.OpenGovernment.DisclosureRequestFoundToBePetition => T("转信访渠道办理（通知矛盾纠纷调解模块）", "Handed over as a petition"),
        _ => data.GetType().Name,
    };
}
