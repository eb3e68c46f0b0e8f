using Marten;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Kit.Time;
using Modular.Modules.LegalServices.Counsel.Cases;
using Modular.Modules.LegalServices.Counsel.Meetings;
using Modular.Modules.LegalServices.Counsel.Retainers;
using Modular.Modules.LegalServices.Counsel.Reviews;
using static Modular.Kit.Text;
using static Modular.Modules.LegalServices.Counsel.CounselVocabulary;

namespace Modular.Modules.LegalServices.Counsel;

/// <summary>
/// Reads the counsel area for staff and counsel. A counsel without the area's read permission sees only the review
/// requests sent to them; another township's records are not found. Phones are masked through the guard.
/// </summary>
internal sealed class CounselQueries(IQuerySession session, IStatutoryClock clock, ICurrentUser user, IPersonalDataGuard guard, CounselSettingsStore settings)
{
    public const int MaxRows = 500;

    /// <summary>Whether the user reads every review, or only those sent to them.</summary>
    public bool ReadsAll => user.HasPermission(CounselArea.Read);

    public DateOnly Today => clock.Today;

    public async Task<IReadOnlyList<Retainer>> RetainersAsync(CancellationToken ct) =>
        await session.Query<Retainer>().OrderBy(r => r.From).Take(MaxRows).ToListAsync(ct);

    public Task<Retainer?> LoadRetainerAsync(Guid id, CancellationToken ct) => session.LoadAsync<Retainer>(id, ct);

    public async Task<RetainerView?> RetainerAsync(Guid id, CancellationToken ct) =>
        await LoadRetainerAsync(id, ct) is { } r ? View(r, await RetainersAsync(ct), await settings.GetAsync(ct)) : null;

    public async Task<IReadOnlyList<RetainerView>> RetainerViewsAsync(CancellationToken ct)
    {
        var all = await RetainersAsync(ct);
        var s = await settings.GetAsync(ct);
        return [.. all.Select(r => View(r, all, s))];
    }

    /// <summary>The retainer whose term ends last: the one the expiry warning watches.</summary>
    public static Retainer? Latest(IReadOnlyList<Retainer> all) => all.OrderByDescending(r => r.To).FirstOrDefault();

    public async Task<LegalityReview?> LoadReviewAsync(Guid id, CancellationToken ct) =>
        await session.LoadAsync<LegalityReview>(id, ct) is { } r && (ReadsAll || r.CounselUserNames.Contains(user.UserName)) ? r : null;

    public async Task<ReviewView?> ReviewAsync(Guid id, CancellationToken ct) => await LoadReviewAsync(id, ct) is { } r ? View(r) : null;

    /// <summary>The review requests, newest first: all for staff, "my reviews" for a counsel.</summary>
    public async Task<ReviewListPage> ReviewsAsync(ReviewState? state, bool mine, CancellationToken ct)
    {
        var onlyMine = mine || !ReadsAll;
        IQueryable<LegalityReview> query = session.Query<LegalityReview>();
        if (onlyMine)
        {
            var name = user.UserName;
            query = query.Where(r => r.CounselUserNames.Contains(name));
        }

        if (state is { } s)
        {
            query = query.Where(r => r.State == s);
        }

        var rows = await query.OrderByDescending(r => r.SubmittedOn).ThenByDescending(r => r.Number).Take(MaxRows).ToListAsync(ct);
        return new([.. rows.Select(View)], onlyMine);
    }

    /// <summary>Review requests whose latest version passes the gate now: what a page offers for an agenda.</summary>
    public async Task<IReadOnlyList<LegalityReview>> AllReviewsAsync(CancellationToken ct) =>
        await session.Query<LegalityReview>().OrderByDescending(r => r.SubmittedOn).Take(MaxRows).ToListAsync(ct);

    public Task<TownshipMeeting?> LoadMeetingAsync(Guid id, CancellationToken ct) => session.LoadAsync<TownshipMeeting>(id, ct);

    public async Task<MeetingView?> MeetingAsync(Guid id, CancellationToken ct)
    {
        if (await LoadMeetingAsync(id, ct) is not { } m)
        {
            return null;
        }

        var refusals = await session.Query<GateRefusal>().Where(g => g.MeetingId == id).OrderBy(g => g.On).ToListAsync(ct);
        return View(m, refusals);
    }

    public async Task<IReadOnlyList<MeetingView>> MeetingsAsync(int? year, CancellationToken ct)
    {
        IQueryable<TownshipMeeting> query = session.Query<TownshipMeeting>();
        if (year is { } y)
        {
            var (from, to) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            query = query.Where(m => m.On >= from && m.On <= to);
        }

        var rows = await query.OrderByDescending(m => m.On).Take(MaxRows).ToListAsync(ct);
        return [.. rows.Select(m => View(m, []))];
    }

    public Task<RepresentedCase?> LoadCaseAsync(Guid id, CancellationToken ct) => session.LoadAsync<RepresentedCase>(id, ct);

    public async Task<CaseView?> CaseAsync(Guid id, CancellationToken ct) => await LoadCaseAsync(id, ct) is { } c ? View(c) : null;

    public async Task<IReadOnlyList<CaseView>> CasesAsync(CancellationToken ct) =>
        [.. (await session.Query<RepresentedCase>().OrderByDescending(c => c.FiledOn).Take(MaxRows).ToListAsync(ct)).Select(View)];

    /// <summary>The last day of the review time from the day sent, by the statutory clock.</summary>
    public StatutoryDate ReviewDue(ReviewSending sending) => clock.Deadline(sending.SentOn, sending.ReviewPeriod);

    /// <summary>Whether the contract's end is inside the township's warning (or past).</summary>
    public bool ExpiresSoon(Retainer r, CounselSettings s) => clock.Deadline(clock.Today, s.ExpiryWarning).Date >= r.To;

    public RetainerView View(Retainer r, IReadOnlyList<Retainer> all, CounselSettings s)
    {
        var current = Latest(all)?.Id == r.Id;
        return new(r.Id, r.Version, r.Firm, r.ContractNumber, r.From, r.To, r.SignedOn,
            [.. r.Counsel.Select(c => new CounselView(c.Id, c.Name, c.LicenceNumber, c.Phone is null ? null : guard.Mask(PersonalDataKind.PhoneNumber, c.Phone), c.UserName))],
            current, current && r.To >= clock.Today && ExpiresSoon(r, s), r.To < clock.Today, Retainer.Steps.Allowed(r));
    }

    public ReviewView View(LegalityReview r)
    {
        var gate = AgendaGate.Refusal((AgendaItemKind)r.Kind, r);
        return new(r.Id, r.Version, r.Number, r.Title, r.Kind.ToString(), T(Label(r.Kind)), r.Department, r.State.ToString(), T(Label(r.State)), r.SubmittedOn,
            [.. r.Rounds.Select(Round)], [.. r.Files.Select(f => new ReviewFileView(f.Id, f.Round, f.FileName, f.ContentType, f.Bytes))],
            gate is null, gate is { } g ? T(g) : null, LegalityReview.Steps.Allowed(r));
    }

    private ReviewRoundView Round(ReviewRound round)
    {
        var s = round.Sending;
        var due = ReviewDue(s);
        var tooSoon = s.MeetingOn is { } meeting && meeting <= due.Date;
        var warning = tooSoon
            ? T($"拟提交会议日期{s.MeetingOn:yyyy-MM-dd}距送审不足{PeriodSettings.Label(s.ReviewPeriod).Chinese}（审查期限至{due.Date:yyyy-MM-dd}），请保证必要的审查时间（第二十六条）",
                $"The meeting on {s.MeetingOn:yyyy-MM-dd} leaves less than {PeriodSettings.Label(s.ReviewPeriod).English} for the review (it runs to {due.Date:yyyy-MM-dd}; Art 26).")
            : null;
        var a = round.Answer;
        ReviewFindingView? Finding(AspectFinding? f) => f is { } v ? new(v.ToString(), T(Label(v))) : null;
        return new(round.Round, s.DocumentVersion, s.LegalBasis, s.Explanation, s.Materials, s.CounselId, s.CounselName, s.SentOn, s.MeetingOn,
            PeriodView.Of(s.ReviewPeriod), due.Date, due.IsProvisional, tooSoon, warning, a?.Opinion.ToString(), a is null ? null : T(Label(a.Opinion)),
            Finding(a?.Authority), Finding(a?.Procedure), Finding(a?.Content), a?.OpinionText, a?.RequiredChanges, a?.DocumentVersion, a?.On, a?.By,
            round.Changes?.Note, round.Changes?.On);
    }

    private static MeetingView View(TownshipMeeting m, IReadOnlyList<GateRefusal> refusals) => new(
        m.Id, m.Version, m.Kind.ToString(), T(Label(m.Kind)), m.On, m.Title, m.Place, m.State.ToString(), T(TownshipMeeting.Label(m.State)),
        [.. m.Items.Select(i => new AgendaItemView(i.Id, i.Kind.ToString(), T(Label(i.Kind)), i.Title, i.Review is { } r ? View(r) : null, i.PutOn, i.By, i.Withdrawn is not null, i.Withdrawn?.Reason, i.Withdrawn?.On))],
        m.Attendance, [.. refusals.Select(g => new GateRefusalView(g.Id, g.Title, g.ReviewNumber, g.Reason, g.On, g.By))], TownshipMeeting.Steps.Allowed(m));

    private static ReviewOnAgendaView View(ReviewOnAgenda r) => new(
        r.ReviewId, r.Number, r.Round, r.DocumentVersion, r.Opinion.ToString(), T(Label(r.Opinion)), r.OpinionText, r.RequiredChanges, r.ChangesNote, r.CounselName, r.AnsweredOn);

    private static CaseView View(RepresentedCase c) => new(
        c.Id, c.Version, c.Kind.ToString(), T(Label(c.Kind)), c.Court, c.CaseNumber, c.Cause, c.Position.ToString(), T(Label(c.Position)),
        c.Stage.ToString(), T(Label(c.Stage)), c.OpposingParty, c.CounselId, c.CounselName, c.FiledOn, c.State.ToString(),
        c.State == CaseState.Open ? T("审理中", "Open") : T("已结案", "Concluded"),
        [.. c.Stages.Select(s => new CaseStageView(s.Stage.ToString(), T(Label(s.Stage)), s.Court, s.CaseNumber, s.From))], [.. c.Hearings.OrderBy(h => h.On)], c.Outcome, c.ConcludedOn,
        RepresentedCase.Steps.Allowed(c));
}
