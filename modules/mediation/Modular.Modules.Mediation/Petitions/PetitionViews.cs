using System.Linq.Expressions;
using Marten;
using Modular.Contracts.PersonalData;
using Modular.Kit.Records;

namespace Modular.Modules.Mediation.Petitions;

internal sealed record PetitionerView(string Name, string? IdNumber, string? Phone, string? Address);

internal sealed record PetitionView(
    Guid Id,
    long Version,
    string Number,
    string State,
    string StateLabel,
    bool IsOpen,
    string Channel,
    string ChannelLabel,
    DateOnly ReceivedOn,
    string? TransferringOffice,
    string? TransferReference,
    PetitionerView Petitioner,
    string Matter,
    Guid? DisclosureRequestId,
    DateOnly AcceptanceDueOn,
    bool AcceptanceDueOnProvisional,
    DateOnly ObjectionDueOn,
    bool ObjectionDueOnProvisional,
    DateOnly? AcceptedOn,
    string? Category,
    string? CategoryLabel,
    DateOnly? OpinionDueOn,
    bool OpinionDueOnProvisional,
    DateOnly? ExtendedOn,
    int ExtensionDays,
    string? ExtensionReason,
    DateOnly? NextDueOn,
    bool NextDueOnProvisional,
    bool Overdue,
    DateOnly? ObjectedOn,
    string? ObjectionReason,
    DateOnly? RedirectedOn,
    string? RedirectProcedure,
    string? Investigator,
    DateOnly? OpinionOn,
    string? Outcome,
    string? OutcomeLabel,
    string? OpinionText,
    string? OpinionBasis,
    bool? ClosedOnTime,
    DateOnly? ReviewRequestDueOn,
    bool ReviewRequestDueOnProvisional,
    DateOnly? ReviewDecisionDueOn,
    bool ReviewDecisionDueOnProvisional,
    DateOnly? ReviewDecidedOn,
    DateOnly? SecondReviewDecidedOn);

/// <summary>A line of the petitions list: the petitioner's name only, where the petition stands and what falls due next.</summary>
internal sealed record PetitionRow(
    Guid Id, string Number, string PetitionerName, string Channel, string ChannelLabel, DateOnly ReceivedOn, string State, string StateLabel, bool IsOpen,
    DateOnly? NextDueOn, bool NextDueOnProvisional, bool Overdue);

/// <summary>One page of the petitions list, newest first, with the total of the filter.</summary>
internal sealed record PetitionListPage(IReadOnlyList<PetitionRow> Rows, long Total, int Page, int PageSize)
{
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Reads petitions for staff, always through the personal-data guard.</summary>
internal sealed class PetitionQueries(IQuerySession session, PetitionClock clock, IPersonalDataGuard guard)
{
    public const int PageSize = 50;

    /// <summary>The states in which the township itself has a date to meet (<see cref="PetitionClock.NextDueOn"/>): the only ones that can be overdue.</summary>
    private static readonly PetitionState[] Pending =
        [PetitionState.Registered, PetitionState.Accepted, PetitionState.Classified, PetitionState.Investigating, PetitionState.UnderReview, PetitionState.UnderSecondReview];

    /// <summary>
    /// A page of the list, newest first. A township keeps hundreds of petitions a year: the page reads only what a line
    /// shows and the dates its deadlines run from, and computes the deadlines of its own lines only
    /// (bench/mediation-results.md). Overdue ones are found among the pending states, the only ones with a date to meet.
    /// </summary>
    public async Task<PetitionListPage> ListAsync(PetitionState? state, bool overdueOnly, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, int.MaxValue / PageSize);
        IQueryable<Petition> query = session.Query<Petition>();
        if (state is { } s)
        {
            query = query.Where(p => p.State == s);
        }

        if (overdueOnly)
        {
            var pending = Pending;
            var candidates = await Newest(query.Where(p => pending.Contains(p.State))).Select(LineFields).ToListAsync(ct);
            var overdue = candidates.Where(clock.Overdue).ToList();
            return new PetitionListPage([.. overdue.Skip((page - 1) * PageSize).Take(PageSize).Select(Row)], overdue.Count, page, PageSize);
        }

        var petitions = await Newest(query).Skip((page - 1) * PageSize).Take(PageSize).Select(LineFields).ToListAsync(ct);
        var total = page == 1 && petitions.Count < PageSize ? petitions.Count : await query.CountAsync(ct);
        return new PetitionListPage([.. petitions.Select(Row)], total, page, PageSize);
    }

    // Numbers break ties of a day, so a page never repeats or skips a petition.
    private static IQueryable<Petition> Newest(IQueryable<Petition> query) => query.OrderByDescending(p => p.ReceivedOn).ThenByDescending(p => p.Number);

    // Only the fields a line and its deadlines need.
    private static readonly Expression<Func<Petition, Petition>> LineFields = p => new Petition
    {
        Id = p.Id,
        Number = p.Number,
        Channel = p.Channel,
        ReceivedOn = p.ReceivedOn,
        Petitioner = p.Petitioner,
        State = p.State,
        IsOpen = p.IsOpen,
        AcceptedOn = p.AcceptedOn,
        ExtensionDays = p.ExtensionDays,
        OpinionOn = p.OpinionOn,
        ReviewRequestedOn = p.ReviewRequestedOn,
        ReviewDecidedOn = p.ReviewDecidedOn,
        SecondReviewRequestedOn = p.SecondReviewRequestedOn,
    };

    public PetitionRow Row(Petition p)
    {
        var next = clock.NextDueOn(p);
        return new PetitionRow(
            p.Id, p.Number, p.Petitioner.Name, p.Channel.ToString(), PetitionVocabulary.T(PetitionVocabulary.Label(p.Channel)), p.ReceivedOn,
            p.State.ToString(), PetitionVocabulary.T(PetitionVocabulary.Label(p.State)), p.IsOpen, next?.Date, next?.IsProvisional == true, clock.Overdue(p));
    }

    public async Task<Petition?> LoadAsync(Guid id, CancellationToken ct) => await session.LoadAsync<Petition>(id, ct);

    public async Task<PetitionView?> GetAsync(Guid id, CancellationToken ct) =>
        await session.LoadAsync<Petition>(id, ct) is { } petition ? View(petition) : null;

    /// <summary>The petition as staff see it; each due date says whether it is provisional (a year without a holiday calendar).</summary>
    public PetitionView View(Petition p)
    {
        var who = p.Petitioner;
        var (acceptance, objection, opinion, next) = (clock.AcceptanceDueOn(p), clock.ObjectionDueOn(p), clock.OpinionDueOn(p), clock.NextDueOn(p));
        var (reviewRequest, reviewDecision) = (clock.ReviewRequestDueOn(p), clock.ReviewDecisionDueOn(p));
        return new PetitionView(
            p.Id, p.Version, p.Number, p.State.ToString(), PetitionVocabulary.T(PetitionVocabulary.Label(p.State)), p.IsOpen,
            p.Channel.ToString(), PetitionVocabulary.T(PetitionVocabulary.Label(p.Channel)),
            p.ReceivedOn, p.TransferringOffice, p.TransferReference,
            new PetitionerView(
                who.Name,
                who.IdNumber is null ? null : guard.Mask(PersonalDataKind.IdNumber, who.IdNumber),
                who.Phone is null ? null : guard.Mask(PersonalDataKind.PhoneNumber, who.Phone),
                who.Address is null ? null : guard.Mask(PersonalDataKind.Address, who.Address)),
            p.Matter, p.DisclosureRequestId,
            acceptance.Date, acceptance.IsProvisional, objection.Date, objection.IsProvisional, p.AcceptedOn,
            p.Category?.ToString(), p.Category is { } c ? PetitionVocabulary.T(PetitionVocabulary.Label(c)) : null,
            opinion?.Date, opinion?.IsProvisional == true, p.ExtendedOn, p.ExtensionDays, p.ExtensionReason,
            next?.Date, next?.IsProvisional == true, clock.Overdue(p),
            p.ObjectedOn, p.ObjectionReason, p.RedirectedOn, p.RedirectProcedure, p.Investigator,
            p.OpinionOn, p.Outcome?.ToString(), p.Outcome is { } o ? PetitionVocabulary.T(PetitionVocabulary.Label(o)) : null,
            p.OpinionText, p.OpinionBasis, ClosedOnTime(clock, p),
            reviewRequest?.Date, reviewRequest?.IsProvisional == true, reviewDecision?.Date, reviewDecision?.IsProvisional == true, p.ReviewDecidedOn, p.SecondReviewDecidedOn);
    }

    /// <summary>Closed on time: the opinion issued on or before the (possibly extended) deadline; null while none is issued.</summary>
    public static bool? ClosedOnTime(PetitionClock clock, Petition p) =>
        p.OpinionOn is { } issued && clock.OpinionDueOn(p) is { } due ? issued <= due.Date : null;

    /// <summary>Every event of the petition with who recorded it and when; personal data left out.</summary>
    public Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid id, CancellationToken ct) => Timeline.ReadAsync<Petition>(session, id, Describe, ct);

    private static string Describe(object data) => data switch
    {
        PetitionRegistered r => Modular.Kit.Text.T($"登记（{PetitionVocabulary.Label(r.Channel).Chinese}，{r.ReceivedOn:yyyy-MM-dd}）", $"Registered ({PetitionVocabulary.Label(r.Channel).English}, {r.ReceivedOn:yyyy-MM-dd})"),
        PetitionObjected o => Modular.Kit.Text.T($"提出异议：不属本机关职权（{o.ObjectedOn:yyyy-MM-dd}）：{o.Reason}", $"Objected, outside the remit ({o.ObjectedOn:yyyy-MM-dd}): {o.Reason}"),
        PetitionAccepted a => Modular.Kit.Text.T($"受理并告知（{a.NoticeOn:yyyy-MM-dd}）", $"Accepted, notice sent ({a.NoticeOn:yyyy-MM-dd})"),
        PetitionClassified c => Modular.Kit.Text.T($"分类：{PetitionVocabulary.Label(c.Category).Chinese}", $"Classified: {PetitionVocabulary.Label(c.Category).English}"),
        PetitionRedirected r => Modular.Kit.Text.T($"导入{r.Procedure}（{r.RedirectedOn:yyyy-MM-dd}）", $"Redirected to {r.Procedure} ({r.RedirectedOn:yyyy-MM-dd})"),
        InvestigationStarted i => Modular.Kit.Text.T($"开始调查核实：{i.Investigator}（{i.StartedOn:yyyy-MM-dd}）", $"Investigation by {i.Investigator} ({i.StartedOn:yyyy-MM-dd})"),
        OpinionDeadlineExtended x => Modular.Kit.Text.T($"办理期限延长{x.Days}日：{x.Reason}", $"Deadline extended by {x.Days} days: {x.Reason}"),
        OpinionIssued o => Modular.Kit.Text.T($"出具处理意见：{PetitionVocabulary.Label(o.Outcome).Chinese}（{o.IssuedOn:yyyy-MM-dd}）", $"Opinion issued: {PetitionVocabulary.Label(o.Outcome).English} ({o.IssuedOn:yyyy-MM-dd})"),
        ReviewRequested q => Modular.Kit.Text.T($"请求{(q.Level == 1 ? "复查" : "复核")}（{q.RequestedOn:yyyy-MM-dd}）", $"{(q.Level == 1 ? "Review" : "Second review")} requested ({q.RequestedOn:yyyy-MM-dd})"),
        ReviewDecided d => Modular.Kit.Text.T($"{(d.Level == 1 ? "复查" : "复核")}意见：{PetitionVocabulary.Label(d.Outcome).Chinese}（{d.DecidedOn:yyyy-MM-dd}）", $"{(d.Level == 1 ? "Review" : "Second review")} decided: {PetitionVocabulary.Label(d.Outcome).English} ({d.DecidedOn:yyyy-MM-dd})"),
        _ => data.GetType().Name,
    };
}
