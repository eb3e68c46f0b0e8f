using Marten;
using Modular.Kit.Input;
using Modular.Kit.Records;
using static Modular.Kit.Text;
using static Modular.Modules.Mediation.Liaisons.LiaisonVocabulary;

namespace Modular.Modules.Mediation.Liaisons;

/// <param name="DueOn">While open: the day it should be taken in or closed by (the township's lead period, <see cref="LeadRule"/>).</param>
/// <param name="DueOnProvisional">The due day depends on a year without a holiday calendar and may still move.</param>
internal sealed record LeadView(
    Guid Id,
    long Version,
    Guid LiaisonId,
    string LiaisonName,
    DateOnly ReportedOn,
    string Village,
    string Account,
    string? Parties,
    string Risk,
    string RiskLabel,
    string State,
    string StateLabel,
    DateOnly? DueOn,
    bool DueOnProvisional,
    bool Overdue,
    Guid? DisputeId,
    string? DisputeNumber,
    DateOnly? BecameDisputeOn,
    DateOnly? ClosedOn,
    string? Closure,
    string? ClosureLabel,
    string? ClosureNote,
    string? ReferredFrom = null,
    string? ContactPhone = null);

/// <summary>Which leads to show; each criterion optional.</summary>
internal sealed record LeadFilter(LeadState? State, string? Village, Guid? LiaisonId)
{
    /// <summary>Reads the filter as the query string gives it; a bad value is a named error and is left out.</summary>
    public static LeadFilter Read(string? state, string? village, string? liaison, InputErrors errors)
    {
        Guid? liaisonId = null;
        if (!string.IsNullOrWhiteSpace(liaison))
        {
            if (Guid.TryParse(liaison, out var id))
            {
                liaisonId = id;
            }
            else
            {
                errors.Add("liaison", "信息联络员编号无效", "The liaison id is not valid.");
            }
        }

        return new LeadFilter(errors.Choice<LeadState>("state", state, "状态", "state", required: false), string.IsNullOrWhiteSpace(village) ? null : village.Trim(), liaisonId);
    }
}

/// <summary>Reads leads for staff, each with the name of the liaison who reported it.</summary>
internal sealed class LeadQueries(IQuerySession session, LeadFollowUp followUp, Contracts.PersonalData.IPersonalDataGuard guard)
{
    public async Task<IReadOnlyList<LeadView>> ListAsync(LeadFilter filter, CancellationToken ct)
    {
        IQueryable<Lead> query = session.Query<Lead>();
        if (filter.State is { } state)
        {
            query = query.Where(l => l.State == state);
        }

        if (filter.Village is { } village)
        {
            query = query.Where(l => l.Village == village);
        }

        if (filter.LiaisonId is { } liaisonId)
        {
            query = query.Where(l => l.LiaisonId == liaisonId);
        }

        var leads = await query.OrderByDescending(l => l.ReportedOn).ToListAsync(ct);
        var liaisons = await session.LoadManyAsync<Liaison>(ct, leads.Select(l => l.LiaisonId).Distinct());
        var names = liaisons.ToDictionary(l => l.Id, l => l.Name);
        var rule = await followUp.RuleAsync(ct);
        return leads.Select(l => View(l, l.Referral?.Source ?? names.GetValueOrDefault(l.LiaisonId, ""), rule)).ToList();
    }

    public async Task<LeadView?> GetAsync(Guid id, CancellationToken ct)
    {
        if (await session.LoadAsync<Lead>(id, ct) is not { } lead)
        {
            return null;
        }

        var liaison = await session.LoadAsync<Liaison>(lead.LiaisonId, ct);
        return View(lead, lead.Referral?.Source ?? liaison?.Name ?? "", await followUp.RuleAsync(ct));
    }

    private LeadView View(Lead l, string liaisonName, LeadRule rule) => new(
        l.Id, l.Version, l.LiaisonId, liaisonName, l.ReportedOn, l.Village, l.Account, l.Parties,
        l.Risk.ToString(), T(Label(l.Risk)), l.State.ToString(), T(Label(l.State)), rule.DueOn(l)?.Date, rule.DueOn(l)?.IsProvisional == true, rule.Overdue(l),
        l.DisputeId, l.DisputeNumber, l.BecameDisputeOn, l.ClosedOn, l.Closure?.ToString(), l.Closure is { } c ? T(Label(c)) : null, l.ClosureNote,
        l.Referral?.Source, l.Referral?.Phone is { } phone ? guard.Mask(Contracts.PersonalData.PersonalDataKind.PhoneNumber, phone) : null);

    public Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid id, CancellationToken ct) => Timeline.ReadAsync<Lead>(session, id, Describe, ct);

    private static string Describe(object data) => data switch
    {
        LeadReported r => T($"报告线索（{r.Village}，风险{Label(r.Risk).Chinese}，{r.ReportedOn:yyyy-MM-dd}）", $"Lead reported ({r.Village}, {Label(r.Risk).English} risk, {r.ReportedOn:yyyy-MM-dd})"),
        LeadReferredFromConsultation r => T($"公共法律服务工作站转来：法律咨询 {r.ConsultationNumber}（{r.Village}，{r.TopicName}，{r.ReferredOn:yyyy-MM-dd}）", $"Routed from the public legal service station: consultation {r.ConsultationNumber} ({r.Village}, {r.ReferredOn:yyyy-MM-dd})"),
        LeadBecameDispute d => T($"转为纠纷受理：{d.DisputeNumber}（{d.On:yyyy-MM-dd}）", $"Taken in as dispute {d.DisputeNumber} ({d.On:yyyy-MM-dd})"),
        LeadClosed c => T($"关闭：{Label(c.Reason).Chinese}（{c.On:yyyy-MM-dd}）{c.Note}", $"Closed: {Label(c.Reason).English} ({c.On:yyyy-MM-dd}) {c.Note}").TrimEnd(),
        _ => data.GetType().Name,
    };
}
