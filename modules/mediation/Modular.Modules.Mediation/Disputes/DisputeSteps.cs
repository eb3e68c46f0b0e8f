using Modular.Contracts.Mediation;
using Modular.Contracts.Townships;
using Modular.Modules.Mediation.Households;
using Modular.Modules.Mediation.Shared;

namespace Modular.Modules.Mediation.Disputes;

/// <summary>The body of every step: the version read, the day it happened, and the step's own fields.</summary>
internal sealed class DisputeStepInput
{
    public long? Version { get; set; }

    public string? On { get; set; }

    public string? Basis { get; set; }

    public string? AppliedBy { get; set; }

    public string? Party { get; set; }

    public string? Reason { get; set; }

    public string? Mediator { get; set; }

    public bool ChosenByParties { get; set; }

    public string? Place { get; set; }

    public string? Participants { get; set; }

    public string? Record { get; set; }

    public string? To { get; set; }

    public string? Station { get; set; }

    public string? Facts { get; set; }

    public string? Matters { get; set; }

    public string? Responsibilities { get; set; }

    public string? Terms { get; set; }

    public string? Performance { get; set; }

    public string? Routes { get; set; }

    public string? LegalAidMatter { get; set; }

    /// <summary>For a failure in a legal-aid matter: the index of the party who would apply for legal aid.</summary>
    public int? ApplicantParty { get; set; }

    public string? Status { get; set; }

    public string? Note { get; set; }

    public string? Court { get; set; }

    public string? Visitor { get; set; }

    public string? FileNumber { get; set; }
}

internal sealed class HouseholdLinkInput
{
    public long? Version { get; set; }

    public Guid? HouseholdId { get; set; }
}

/// <summary>
/// People's mediation (人民调解法, 2010) after intake. Each step checks the dispute's state first and refuses one that
/// does not follow, naming what the dispute is waiting for; every refusal and bad field is reported at once.
/// </summary>
internal sealed class DisputeSteps(Streams streams, DisputeClock clock, ICurrentUser user, HouseholdDirectory households)
{
    private static readonly DisputeState[] BeforeAgreement = [DisputeState.Registered, DisputeState.Accepted, DisputeState.Mediating];

    /// <summary>Art 17: on a party's application, or of the committee's own accord.</summary>
    public Task<bool> StartAsync(Guid id, DisputeStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (d, on, errors) =>
    {
        var basis = errors.Choice<MediationBasis>("basis", input.Basis, "调解启动方式", "basis");
        var appliedBy = errors.Optional("appliedBy", input.AppliedBy, "申请人", "Applied by", 100);
        if (basis == MediationBasis.Application && appliedBy is null)
        {
            errors.Add("appliedBy", "当事人申请调解的，须写明申请人", "Name the party who applied.");
        }

        Expect(errors, d, DisputeState.Registered);
        return errors.Any ? null : [new MediationStarted(on, basis!.Value, appliedBy)];
    });

    /// <summary>Art 17: a party that clearly refuses mediation stops it; the refusal is recorded.</summary>
    public Task<bool> RefuseAsync(Guid id, DisputeStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (d, on, errors) =>
    {
        var party = errors.Required("party", input.Party, "拒绝调解的当事人", "Refusing party", 100);
        var reason = errors.Required("reason", input.Reason, "拒绝理由", "Reason", 2000);
        Expect(errors, d, BeforeAgreement);
        return errors.Any ? null : [new MediationRefused(on, party!, reason!)];
    });

    /// <summary>Art 19: the committee assigns one or more mediators, or the parties choose; a later change is recorded too.</summary>
    public Task<bool> AssignMediatorAsync(Guid id, DisputeStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (d, on, errors) =>
    {
        var mediator = errors.Required("mediator", input.Mediator, "调解员", "Mediator", 100);
        Expect(errors, d, DisputeState.Accepted, DisputeState.Mediating);
        return errors.Any ? null : [new MediatorAssigned(on, mediator!, input.ChosenByParties)];
    });

    /// <summary>Art 27: a session, with its record (调解笔录).</summary>
    public Task<bool> HoldSessionAsync(Guid id, DisputeStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (d, on, errors) =>
    {
        var place = errors.Required("place", input.Place, "调解地点", "Place", 200);
        var participants = errors.Required("participants", input.Participants, "参加人员", "Participants", 1000);
        var record = errors.Required("record", input.Record, "调解笔录", "Record", 20000);
        Expect(errors, d, DisputeState.Accepted, DisputeState.Mediating);
        if (d.State is DisputeState.Accepted or DisputeState.Mediating && d.Mediator is null)
        {
            errors.Add("mediator", "请先指定或选定调解员", "Assign or choose a mediator first.");
        }

        return errors.Any ? null : [new MediationSessionHeld(on, place!, participants!, record!)];
    });

    /// <summary>分流: to the department or platform the dispute belongs to.</summary>
    public Task<bool> RouteAsync(Guid id, DisputeStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (d, on, errors) =>
    {
        var to = errors.Required("to", input.To, "分流去向", "Routed to", 200);
        var reason = errors.Required("reason", input.Reason, "分流理由", "Reason", 2000);
        Expect(errors, d, BeforeAgreement);
        return errors.Any ? null : [new DisputeRouted(on, to!, reason!)];
    });

    /// <summary>Art 25: a dispute that may become a public-order or criminal case is reported to the police at once.</summary>
    public Task<bool> NotifyPoliceAsync(Guid id, DisputeStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (d, on, errors) =>
    {
        var station = errors.Required("station", input.Station, "报告的公安机关", "Police station", 100);
        var risk = errors.Required("reason", input.Reason, "激化风险情况", "Risk", 2000);
        Expect(errors, d, [.. BeforeAgreement, DisputeState.AgreementDrafted]);
        return errors.Any ? null : [new PoliceNotified(on, station!, risk!)];
    });

    /// <summary>Art 29: the written agreement's content, drafted from the sessions for the parties to sign.</summary>
    public Task<bool> DraftAgreementAsync(Guid id, DisputeStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (d, on, errors) =>
    {
        var facts = errors.Required("facts", input.Facts, "纠纷的主要事实", "Facts", 8000);
        var matters = errors.Required("matters", input.Matters, "争议事项", "Matters in dispute", 4000);
        var responsibilities = errors.Required("responsibilities", input.Responsibilities, "各方当事人的责任", "Responsibilities", 4000);
        var terms = errors.Required("terms", input.Terms, "协议内容", "Terms", 8000);
        var performance = errors.Required("performance", input.Performance, "履行方式、期限", "How and when performed", 2000);
        Expect(errors, d, DisputeState.Mediating);
        return errors.Any ? null : [new AgreementDrafted(on, facts!, matters!, responsibilities!, terms!, performance!)];
    });

    /// <summary>Art 29: effective from the day the last of the parties and the mediator signed, sealed by the committee.</summary>
    public Task<bool> SignAgreementAsync(Guid id, DisputeStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (d, on, errors) =>
    {
        Expect(errors, d, DisputeState.AgreementDrafted);
        return errors.Any ? null : [new AgreementSigned(on)];
    });

    /// <summary>Art 30: an oral agreement, effective when reached; the mediator records its content.</summary>
    public Task<bool> ReachOralAgreementAsync(Guid id, DisputeStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (d, on, errors) =>
    {
        var terms = errors.Required("terms", input.Terms, "协议内容", "Terms", 8000);
        var performance = errors.Required("performance", input.Performance, "履行方式、期限", "How and when performed", 2000);
        Expect(errors, d, DisputeState.Mediating);
        return errors.Any ? null : [new OralAgreementReached(on, terms!, performance!)];
    });

    /// <summary>
    /// Art 26: no agreement; the parties are told of arbitration, administrative and judicial routes. In a matter legal
    /// aid covers (法律援助法 Art 31) a referral is suggested to the legal-services module through an integration event.
    /// </summary>
    public Task<bool> FailAsync(Guid id, DisputeStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (d, on, errors) =>
    {
        var reason = errors.Required("reason", input.Reason, "调解不成的原因", "Reason", 2000);
        var routes = errors.Required("routes", input.Routes, "告知的其他途径", "Other routes explained", 2000);
        var matter = errors.Choice<LegalAidMatter>("legalAidMatter", input.LegalAidMatter, "法律援助事项", "legal-aid matter", required: false);
        Party? applicant = null;
        if (matter is not null)
        {
            applicant = input.ApplicantParty is { } index && index >= 0 && index < d.Parties.Count ? d.Parties[index] : null;
            if (applicant is null || applicant.IsOrganisation)
            {
                errors.Add("applicantParty", "请选择拟申请法律援助的当事人（自然人）", "Choose the party (a person) who would apply for legal aid.");
            }
        }

        Expect(errors, d, DisputeState.Mediating, DisputeState.AgreementDrafted);
        if (errors.Any)
        {
            return null;
        }

        var failed = new MediationFailed(on, reason!, routes!, matter, matter is null ? null : input.ApplicantParty);
        return matter is not { } legalAid
            ? [failed]
            : [failed, new MediationFailedInLegalAidMatter(d.Id, d.Number, on, legalAid, Contract(applicant!),
                [.. d.Parties.Where(p => p != applicant).Select(Contract)], d.Village, d.Summary, reason!, d.Mediator ?? user.DisplayName)];
    });

    /// <summary>Art 31: the committee supervises performance; "performed" completes the agreement.</summary>
    public Task<bool> CheckPerformanceAsync(Guid id, DisputeStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (d, on, errors) =>
    {
        var status = errors.Choice<PerformanceStatus>("status", input.Status, "履行情况", "performance");
        var note = errors.Required("note", input.Note, "督促履行情况说明", "Note", 2000);
        Expect(errors, d, DisputeState.Agreed);
        return errors.Any ? null : [new PerformanceChecked(on, status!.Value, note!)];
    });

    /// <summary>Art 33: the parties may jointly apply to the court for confirmation within 30 days of a written agreement.</summary>
    public Task<bool> RecordCourtConfirmationAsync(Guid id, DisputeStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (d, on, errors) =>
    {
        var court = errors.Required("court", input.Court, "人民法院", "Court", 100);
        Expect(errors, d, DisputeState.Agreed, DisputeState.Performed);
        if (!errors.Any && d.AgreementForm != AgreementForm.Written)
        {
            errors.Add("state", "司法确认须以书面调解协议申请", "Court confirmation needs a written agreement.");
        }
        else if (!errors.Any && d.CourtConfirmationAppliedOn is not null)
        {
            errors.Add("state", "已登记司法确认申请", "The application for confirmation is already recorded.");
        }
        else if (!errors.Any && clock.CourtConfirmationDueOn(d) is { } due && on > due)
        {
            errors.Add("on", $"司法确认申请期限已于{due:yyyy-MM-dd}届满（人民调解法第三十三条）", $"The 30 days for court confirmation ended on {due:yyyy-MM-dd} (Art 33).");
        }

        return errors.Any ? null : [new CourtConfirmationApplied(on, court!)];
    });

    /// <summary>回访 after the agreement (local practice).</summary>
    public Task<bool> VisitAsync(Guid id, DisputeStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (d, on, errors) =>
    {
        var visitor = errors.Required("visitor", input.Visitor, "回访人", "Visitor", 100);
        var note = errors.Required("note", input.Note, "回访情况", "Note", 2000);
        Expect(errors, d, DisputeState.Agreed, DisputeState.Performed);
        return errors.Any ? null : [new FollowUpVisited(on, visitor!, note!)];
    });

    /// <summary>Archived (立卷归档) once it is over: performed, failed, refused or routed, or agreed with performance checked.</summary>
    public Task<bool> ArchiveAsync(Guid id, DisputeStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (d, on, errors) =>
    {
        var file = errors.Required("fileNumber", input.FileNumber, "卷宗号", "File number", 50);
        Expect(errors, d, DisputeState.Agreed, DisputeState.Performed, DisputeState.Failed, DisputeState.Refused, DisputeState.Routed);
        if (!errors.Any && d.State == DisputeState.Agreed && d.PerformanceChecks.Count == 0)
        {
            errors.Add("state", "协议履行情况尚未督促登记，暂不能归档（人民调解法第三十一条）", "Record the performance check before archiving (Art 31).");
        }

        return errors.Any ? null : [new DisputeArchived(on, file!)];
    });

    /// <summary>
    /// Links a person among the parties to their household on the ledger, or unlinks them (no household). Record-keeping,
    /// not a step of mediation: possible in any state, and dated by the event itself.
    /// </summary>
    public async Task<bool> LinkHouseholdAsync(Guid id, int party, HouseholdLinkInput input, CancellationToken ct)
    {
        var errors = new Errors();
        var stream = await streams.OpenAsync<Dispute>(id, input.Version, errors, ct);
        if (stream is null || party < 0 || party >= stream.Aggregate!.Parties.Count)
        {
            return false;
        }

        if (stream.Aggregate.Parties[party].IsOrganisation)
        {
            errors.Add("party", "单位当事人不关联住户", "An organisation has no household.");
        }

        var household = input.HouseholdId is { } householdId ? (await households.LoadAsync([householdId], ct)).SingleOrDefault() : null;
        if (input.HouseholdId is not null && household is null)
        {
            errors.Add("householdId", "人口信息台帐中没有这一户", "No such household on the ledger.");
        }

        Streams.ThrowIfAny(errors);
        stream.AppendOne(new PartyHouseholdLinked(party, household?.Id, household?.Number, household?.SpecialGroups ?? []));
        await streams.SaveAsync(ct);
        return true;
    }

    private static DisputeParty Contract(Party p) => new(p.Name, p.IsOrganisation, p.IdNumber, p.Phone, p.Address);

    private async Task<bool> RunAsync(Guid id, DisputeStepInput input, CancellationToken ct, Func<Dispute, DateOnly, Errors, object[]?> decide)
    {
        var errors = new Errors();
        var stream = await streams.OpenAsync<Dispute>(id, input.Version, errors, ct);
        if (stream is null)
        {
            return false;
        }

        var dispute = stream.Aggregate!;
        var on = errors.Date("on", input.On, "日期", "Date", clock.Today);
        if (on is { } day && day < dispute.LastStepOn)
        {
            errors.Add("on", $"日期不能早于上一步（{dispute.LastStepOn:yyyy-MM-dd}）", $"The date cannot precede the previous step ({dispute.LastStepOn:yyyy-MM-dd}).");
        }

        // The step's own checks run even when the date is bad, so every problem is named at once.
        var changes = decide(dispute, on ?? dispute.LastStepOn, errors);
        Streams.ThrowIfAny(errors);
        stream.AppendMany(changes!);
        await streams.SaveAsync(ct);
        return true;
    }

    private static void Expect(Errors errors, Dispute d, params DisputeState[] allowed)
    {
        if (allowed.Contains(d.State))
        {
            return;
        }

        var now = DisputeVocabulary.Label(d.State);
        var wanted = string.Join("、", allowed.Select(s => DisputeVocabulary.Label(s).Chinese));
        var wantedEn = string.Join(", ", allowed.Select(s => DisputeVocabulary.Label(s).English));
        errors.Add("state", $"纠纷当前状态为“{now.Chinese}”，此操作只能在“{wanted}”时进行", $"The dispute is {now.English}; this step is possible only when it is {wantedEn}.");
    }
}
