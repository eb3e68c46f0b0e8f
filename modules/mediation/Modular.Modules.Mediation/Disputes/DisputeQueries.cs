using System.Linq.Expressions;
using Marten;
using Marten.Services.BatchQuerying;
using Modular.Contracts.Caching;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Townships;
using Modular.Kit.Records;
using SpecialGroups = Modular.Modules.Mediation.Shared.SpecialGroups;
using Text = Modular.Kit.Text;

namespace Modular.Modules.Mediation.Disputes;

/// <summary>A party as staff see them: ID number, phone and address masked.</summary>
internal sealed record PartyView(
    int Index, string Name, bool IsOrganisation, string Role, string RoleLabel, string? IdNumber, string? Phone, string? Address, Guid? HouseholdId, string? HouseholdNumber);

/// <summary>A row of the dispute ledger (台帐).</summary>
internal sealed record DisputeRow(
    Guid Id, string Number, DateOnly ReceivedOn, string Source, string SourceLabel, string Category, string CategoryLabel, string Village,
    string Parties, string Summary, string State, string StateLabel, bool IsOpen, string? Mediator, DateOnly? ResolvedOn, string Risk, string RiskLabel,
    IReadOnlyList<string> SpecialGroups, bool PastTarget);

internal sealed record DisputeView(
    Guid Id,
    long Version,
    string Number,
    string State,
    string StateLabel,
    bool IsOpen,
    string Source,
    string SourceLabel,
    DateOnly ReceivedOn,
    string? TransferredFrom,
    Guid? LeadId,
    string Category,
    string CategoryLabel,
    string Village,
    string Summary,
    IReadOnlyList<PartyView> Parties,
    IReadOnlyList<string> SpecialGroups,
    IReadOnlyList<string> SpecialGroupLabels,
    string Risk,
    string RiskLabel,
    DateOnly TargetOn,
    bool TargetOnProvisional,
    bool PastTarget,
    DateOnly? StartedOn,
    string? BasisLabel,
    string? AppliedBy,
    string? Mediator,
    bool MediatorChosenByParties,
    IReadOnlyList<MediationSessionHeld> Sessions,
    IReadOnlyList<PoliceNotified> PoliceReports,
    DateOnly? RefusedOn,
    string? RefusedBy,
    string? RefusalReason,
    DateOnly? RoutedOn,
    string? RoutedTo,
    string? RoutingReason,
    string? AgreementForm,
    AgreementDrafted? Agreement,
    string? OralTerms,
    string? OralPerformance,
    DateOnly? ResolvedOn,
    DateOnly? CourtConfirmationDueOn,
    bool CourtConfirmationDueOnProvisional,
    DateOnly? CourtConfirmationAppliedOn,
    string? Court,
    DateOnly? FollowUpDueOn,
    bool FollowUpDueOnProvisional,
    IReadOnlyList<FollowUpVisited> FollowUps,
    string? Performance,
    IReadOnlyList<PerformanceChecked> PerformanceChecks,
    DateOnly? FailedOn,
    string? FailureReason,
    string? RoutesExplained,
    string? LegalAidMatter,
    DateOnly? ArchivedOn,
    string? FileNumber);

/// <summary>The ledger's filters; every one optional. Dates bound the day the dispute was received.</summary>
internal sealed record DisputeFilter(DisputeState? State, string? Category, string? Village, string? Mediator, DateOnly? From, DateOnly? To, bool OpenOnly = false, Guid? Household = null)
{
    public static DisputeFilter None { get; } = new(null, null, null, null, null, null);
}

internal sealed record LedgerPage(IReadOnlyList<DisputeRow> Rows, long Total, int Page, int PageSize)
{
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Reads disputes for staff, always through the personal-data guard.</summary>
internal sealed class DisputeQueries(
    IQuerySession session, DisputeSettingsReader settingsReader, DisputeClock clock, IPersonalDataGuard guard, ITownshipCache cache)
{
    /// <summary>How long the filter lists are reused: a village or mediator first recorded shows in them within this time.</summary>
    public static readonly TimeSpan FilterChoicesLifetime = TimeSpan.FromSeconds(60);

    /// <summary>The filter lists' entry in the township cache: the steps that can add a village or a mediator say it changed.</summary>
    public const string FilterChoicesKey = "mediation.dispute-filter-choices";

    public const int PageSize = 50;

    /// <summary>
    /// Only what a ledger row shows (bench/mediation-results.md): the rest of the document (sessions, agreement, checks,
    /// visits) was most of what PostgreSQL sent and the host parsed for a page. Built once: an expression tree built per
    /// call cost a reflection lookup of every property it names.
    /// </summary>
    private static readonly Expression<Func<Dispute, Dispute>> LedgerFields = d => new Dispute
    {
        Id = d.Id,
        Number = d.Number,
        ReceivedOn = d.ReceivedOn,
        Source = d.Source,
        Category = d.Category,
        Village = d.Village,
        Parties = d.Parties,
        Summary = d.Summary,
        State = d.State,
        IsOpen = d.IsOpen,
        Mediator = d.Mediator,
        ResolvedOn = d.ResolvedOn,
        Risk = d.Risk,
        SpecialGroups = d.SpecialGroups,
        OutcomeImported = d.OutcomeImported,
    };

    /// <summary>A ledger page: the settings, the page's rows and the total, in one round trip to PostgreSQL.</summary>
    public async Task<LedgerPage> LedgerAsync(DisputeFilter filter, int page, CancellationToken ct)
    {
        var batch = Batch();
        var ledger = Ledger(batch, filter, page);
        await batch.Execute(ct);
        return await ledger();
    }

    /// <summary>A batch of this township's reads, for a page that needs several of them at once.</summary>
    public IBatchedQuery Batch() => session.CreateBatchQuery();

    /// <summary>
    /// Adds a ledger page's reads to <paramref name="batch"/>: the settings (unless this request has them), the page's
    /// rows and the total. The page is read once the batch has been executed.
    /// </summary>
    public Func<Task<LedgerPage>> Ledger(IBatchedQuery batch, DisputeFilter filter, int page)
    {
        page = Math.Clamp(page, 1, int.MaxValue / PageSize);
        var settings = settingsReader.Get(batch);
        var rows = Where(batch.Query<Dispute>(), filter, (q, c) => q.Where(c))
            .OrderByDescending(d => d.ReceivedOn).ThenByDescending(d => d.Number)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(LedgerFields)
            .ToList();
        // The total is its own count in the same round trip (Marten's Stats() would carry every matching document
        // through the page's query).
        var total = Where(batch.Query<Dispute>(), filter, (q, c) => q.Where(c)).Count();
        return async () =>
        {
            var (read, known) = (await rows, await settings());
            return new LedgerPage([.. read.Select(d => Row(d, known))], await total, page, PageSize);
        };
    }

    /// <summary>Every dispute matching the filter, oldest first, for the Excel export.</summary>
    public async Task<IReadOnlyList<Dispute>> AllAsync(DisputeFilter filter, CancellationToken ct) =>
        await Filtered(filter).OrderBy(d => d.ReceivedOn).ThenBy(d => d.Number).ToListAsync(ct);

    /// <summary>
    /// The villages and mediators on record, for the ledger's filter lists. Reading them means a pass over every dispute
    /// of the township (no index serves a DISTINCT), so each instance keeps them up to a minute (bench/mediation-results.md);
    /// taking a dispute in, assigning a mediator and the ledger import make every instance forget them at once.
    /// </summary>
    public async Task<(IReadOnlyList<string> Villages, IReadOnlyList<string> Mediators)> FilterChoicesAsync(CancellationToken ct) =>
        await cache.GetOrCreateAsync(FilterChoicesKey, FilterChoicesLifetime, async token =>
        {
            var villages = await session.Query<Dispute>().Select(d => d.Village).Distinct().ToListAsync(token);
            var mediators = await session.Query<Dispute>().Where(d => d.Mediator != null).Select(d => d.Mediator!).Distinct().ToListAsync(token);
            return ((IReadOnlyList<string>)[.. villages.Order(StringComparer.Ordinal)], (IReadOnlyList<string>)[.. mediators.Order(StringComparer.Ordinal)]);
        }, ct);

    private IQueryable<Dispute> Filtered(DisputeFilter f) => Where<IQueryable<Dispute>>(session.Query<Dispute>(), f, (q, c) => q.Where(c));

    /// <summary>The filter's conditions applied to a query, a LINQ one or one of a batch.</summary>
    private static TQuery Where<TQuery>(TQuery query, DisputeFilter f, Func<TQuery, Expression<Func<Dispute, bool>>, TQuery> where)
    {
        if (f.State is { } state)
        {
            query = where(query, d => d.State == state);
        }

        if (f.OpenOnly)
        {
            query = where(query, d => d.IsOpen);
        }

        if (!string.IsNullOrWhiteSpace(f.Category))
        {
            query = where(query, d => d.Category == f.Category);
        }

        if (!string.IsNullOrWhiteSpace(f.Village))
        {
            query = where(query, d => d.Village == f.Village);
        }

        if (!string.IsNullOrWhiteSpace(f.Mediator))
        {
            query = where(query, d => d.Mediator == f.Mediator);
        }

        if (f.Household is { } household)
        {
            query = where(query, d => d.HouseholdIds.Contains(household));
        }

        if (f.From is { } from)
        {
            query = where(query, d => d.ReceivedOn >= from);
        }

        if (f.To is { } to)
        {
            query = where(query, d => d.ReceivedOn <= to);
        }

        return query;
    }

    public async Task<Dispute?> LoadAsync(Guid id, CancellationToken ct) => await session.LoadAsync<Dispute>(id, ct);

    public async Task<DisputeView?> GetAsync(Guid id, CancellationToken ct) =>
        await session.LoadAsync<Dispute>(id, ct) is { } dispute ? View(dispute, await settingsReader.GetAsync(ct)) : null;

    public DisputeRow Row(Dispute d, DisputeSettings settings) => new(
        d.Id, d.Number, d.ReceivedOn, d.Source.ToString(), DisputeVocabulary.T(DisputeVocabulary.Label(d.Source)),
        d.Category, Text.T(settings.Label(d.Category)), d.Village, string.Join("、", d.Parties.Select(p => p.Name)), d.Summary,
        d.State.ToString(), DisputeVocabulary.T(DisputeVocabulary.Label(d.State)), d.IsOpen, d.Mediator, d.ResolvedOn,
        d.Risk.ToString(), DisputeVocabulary.T(DisputeVocabulary.Label(d.Risk)), [.. d.SpecialGroups.Select(g => g.ToString())], clock.PastTarget(d, settings));

    /// <summary>
    /// The dispute as its page and the API show it; each due date says whether it is provisional (it depends on a year
    /// without a holiday calendar, so weekends alone were counted).
    /// </summary>
    public DisputeView View(Dispute d, DisputeSettings settings)
    {
        var target = clock.TargetOn(d, settings);
        var window = clock.CourtConfirmationDueOn(d);
        var followUp = clock.FollowUpDueOn(d, settings);
        return new(
        d.Id, d.Version, d.Number, d.State.ToString(), DisputeVocabulary.T(DisputeVocabulary.Label(d.State)), d.IsOpen,
        d.Source.ToString(), DisputeVocabulary.T(DisputeVocabulary.Label(d.Source)), d.ReceivedOn, d.TransferredFrom, d.LeadId,
        d.Category, Text.T(settings.Label(d.Category)), d.Village, d.Summary,
        [.. d.Parties.Select((p, i) => Masked(p, i))],
        [.. d.SpecialGroups.Select(g => g.ToString())], [.. d.SpecialGroups.Select(g => Text.T(SpecialGroups.Label(g)))],
        d.Risk.ToString(), DisputeVocabulary.T(DisputeVocabulary.Label(d.Risk)), target.Date, target.IsProvisional, clock.PastTarget(d, settings),
        d.StartedOn, d.Basis is { } b ? DisputeVocabulary.T(DisputeVocabulary.Label(b)) : null, d.AppliedBy, d.Mediator, d.MediatorChosenByParties,
        d.Sessions, d.PoliceReports, d.RefusedOn, d.RefusedBy, d.RefusalReason, d.RoutedOn, d.RoutedTo, d.RoutingReason,
        d.AgreementForm?.ToString(), d.Agreement, d.OralTerms, d.OralPerformance, d.ResolvedOn,
        window?.Date, window?.IsProvisional == true, d.CourtConfirmationAppliedOn, d.Court, followUp?.Date, followUp?.IsProvisional == true, d.FollowUps,
        d.Performance?.ToString(), d.PerformanceChecks, d.FailedOn, d.FailureReason, d.RoutesExplained, d.LegalAidMatter?.ToString(),
        d.ArchivedOn, d.FileNumber);
    }

    private PartyView Masked(Party p, int index) => new(
        index, p.Name, p.IsOrganisation, p.Role.ToString(), DisputeVocabulary.T(DisputeVocabulary.Label(p.Role)),
        p.IdNumber is null ? null : guard.Mask(PersonalDataKind.IdNumber, p.IdNumber),
        p.Phone is null ? null : guard.Mask(PersonalDataKind.PhoneNumber, p.Phone),
        p.Address is null ? null : guard.Mask(PersonalDataKind.Address, p.Address),
        p.HouseholdId, p.HouseholdNumber);

    /// <summary>Every event of the dispute with who recorded it and when; personal data left out.</summary>
    public Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid id, CancellationToken ct) => Timeline.ReadAsync<Dispute>(session, id, DisputeTimeline.Describe, ct);
}
