using Modular.Contracts.Mediation;
using Modular.Contracts.PersonalData;
using Modular.Kit;
using Modular.Kit.Records;
using static Modular.Kit.Text;

namespace Modular.Modules.LegalServices.LegalAid;

/// <summary>The register's filters: state, matter type, the station's receipt day, and "waiting on a clock".</summary>
internal sealed record RegisterFilter(ApplicationState? State, LegalAidMatter? Matter, DateOnly? From, DateOnly? To, bool Waiting);

/// <summary>Reading applications, for the pages and the API alike. The session is the current township's: another township's is not found.</summary>
internal sealed class LegalAidQueries(IQuerySession session, LegalAidSettingsStore settings, LegalAidClock clock, IPersonalDataGuard guard)
{
    public const int PageSize = 50;

    public Task<LegalAidApplication?> LoadAsync(Guid id, CancellationToken ct) => session.LoadAsync<LegalAidApplication>(id, ct);

    public async Task<ApplicationView?> GetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) is { } a ? ApplicationView.Of(a, await settings.GetAsync(ct), clock, guard) : null;

    public Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid id, CancellationToken ct) => Timeline.ReadAsync<LegalAidApplication>(session, id, Describe, ct);

    /// <summary>Every application the filter selects, newest first (drafts first of all: they wait for a clerk).</summary>
    public async Task<IReadOnlyList<LegalAidApplication>> AllAsync(RegisterFilter filter, CancellationToken ct)
    {
        var query = session.Query<LegalAidApplication>().AsQueryable();
        if (filter.State is { } state)
        {
            query = query.Where(a => a.State == state);
        }

        if (filter.Matter is { } matter)
        {
            query = query.Where(a => a.Matter == matter);
        }

        if (filter.From is { } from)
        {
            query = query.Where(a => a.StationReceivedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(a => a.StationReceivedOn <= to);
        }

        if (filter.Waiting)
        {
            // In the database, not in memory: a closed application runs a clock only until its visit (LegalAidClock.Running).
            query = query.Where(a => a.IsOpen || (a.State == ApplicationState.Closed && !a.Visited));
        }

        var list = await query.OrderByDescending(a => a.StationReceivedOn).ThenByDescending(a => a.Number).ToListAsync(ct);
        if (!filter.Waiting)
        {
            return [.. list.OrderBy(a => a.State == ApplicationState.Draft ? 0 : 1)];
        }

        var s = await settings.GetAsync(ct);
        return [.. list.Where(a => clock.Running(a, s).Count > 0)];
    }

    public async Task<RegisterPage> RegisterAsync(RegisterFilter filter, int page, CancellationToken ct)
    {
        var all = await AllAsync(filter, ct);
        var s = await settings.GetAsync(ct);
        page = Math.Max(1, page);
        var rows = all.Skip((page - 1) * PageSize).Take(PageSize).Select(a => RegisterRows.Of(a, clock.Running(a, s), clock.Today)).ToList();
        return new RegisterPage(rows, all.Count, page, PageSize);
    }

    // The timeline's words: what happened, never personal data (the audit trail is read by the township admin).
    private static string Describe(object e) => e switch
    {
        ApplicationDrafted d => T($"调解不成转介（纠纷 {d.DisputeNumber}），待工作人员确认", $"Referred from failed mediation (dispute {d.DisputeNumber}), awaiting a clerk"),
        DraftDismissed d => T($"转介未受理：{d.Reason}", $"Referral dismissed: {d.Reason}"),
        ApplicationReceived r => T($"工作站接收申请 {r.Number}（{TownshipTime.Format(r.StationReceivedAt)}）", $"Received at the station as {r.Number} ({TownshipTime.Format(r.StationReceivedAt)})"),
        MaterialsRequested m => T($"一次性告知补充材料{m.Missing.Count}项，期限至{TownshipTime.Format(m.ReplyBy)}", $"One notice for {m.Missing.Count} missing materials, by {TownshipTime.Format(m.ReplyBy)}"),
        MaterialsSupplied m => T($"申请人补充材料{m.Items.Count}项", $"{m.Items.Count} materials supplied"),
        ApplicationWithdrawn w => T($"未按期补充材料，视为撤回（{TownshipTime.Format(w.On)}）", $"Withdrawn: no materials by the notice's day ({TownshipTime.Format(w.On)})"),
        ApplicationForwarded f => T($"以公函{f.LetterNumber}转交{f.Agency}（{TownshipTime.Format(f.At)}）", $"Forwarded to {f.Agency} by letter {f.LetterNumber} ({TownshipTime.Format(f.At)})"),
        AgencyReceiptRecorded r => T($"法律援助机构收到申请（{TownshipTime.Format(r.On)}）", $"The agency received it ({TownshipTime.Format(r.On)})"),
        ProvisionalAidProvided p => T($"先行提供法律援助：{LegalAidVocabulary.Label(p.Ground).Chinese}", $"Provisional aid: {LegalAidVocabulary.Label(p.Ground).English}"),
        ProvisionalPaperworkCompleted => T("先行提供后补办手续", "Paperwork completed after provisional aid"),
        AidGranted g => T($"决定给予法律援助（{TownshipTime.Format(g.On)}）", $"Aid granted ({TownshipTime.Format(g.On)})"),
        AidRefused r => T($"决定不予法律援助（{TownshipTime.Format(r.On)}）：{r.Reasons}", $"Aid refused ({TownshipTime.Format(r.On)}): {r.Reasons}"),
        ObjectionFiled => T("向司法行政部门提出异议", "Objection filed with the justice bureau"),
        ObjectionDecided d => T($"异议审查决定：{LegalAidVocabulary.Label(d.Outcome).Chinese}", $"Objection decided: {LegalAidVocabulary.Label(d.Outcome).English}"),
        AidAssigned a => T($"指派{LegalAidVocabulary.Label(a.Kind).Chinese}{a.Assignee}（{a.Organisation}）承办", $"Assigned to {a.Assignee} ({LegalAidVocabulary.Label(a.Kind).English}, {a.Organisation})"),
        AidStarted => T("承办人员开始办理", "Aid in progress"),
        AidTerminated t => T($"终止法律援助：{LegalAidVocabulary.Label(t.Ground).Chinese}", $"Aid terminated: {LegalAidVocabulary.Label(t.Ground).English}"),
        AidClosed c => T($"结案：{c.Outcome}", $"Closed: {c.Outcome}"),
        RecipientVisited v => T($"回访受援人（{v.Visitor}）", $"Recipient visited ({v.Visitor})"),
        _ => e.GetType().Name,
    };
}
