using Marten;
using Modular.Contracts.PersonalData;
using Modular.Kit.Input;
using Modular.Kit.Records;
using static Modular.Kit.Text;
using static Modular.Modules.Mediation.Liaisons.LiaisonVocabulary;

namespace Modular.Modules.Mediation.Liaisons;

/// <param name="Phone">Masked: the first 3 and last 4 digits.</param>
internal sealed record LiaisonView(
    Guid Id,
    long Version,
    string Name,
    string Village,
    string Role,
    string RoleLabel,
    string? Phone,
    DateOnly AppointedOn,
    bool IsActive,
    DateOnly? StoodDownOn,
    string? StandDownReason);

/// <summary>Which part of the roster to show; each criterion optional.</summary>
internal sealed record RosterFilter(string? Village, LiaisonRole? Role, bool? Active)
{
    /// <summary>Reads the filter as the query string gives it; a bad value is a named error and is left out.</summary>
    public static RosterFilter Read(string? village, string? role, string? active, InputErrors errors)
    {
        bool? isActive = null;
        if (!string.IsNullOrWhiteSpace(active))
        {
            if (bool.TryParse(active, out var parsed))
            {
                isActive = parsed;
            }
            else
            {
                errors.Add("active", "在任筛选应为 true 或 false", "The active filter is true or false.");
            }
        }

        return new RosterFilter(
            string.IsNullOrWhiteSpace(village) ? null : village.Trim(), errors.Choice<LiaisonRole>("role", role, "身份", "role", required: false), isActive);
    }
}

/// <summary>Reads the roster for staff, always through the personal-data guard.</summary>
internal sealed class LiaisonQueries(IQuerySession session, IPersonalDataGuard guard)
{
    public async Task<IReadOnlyList<LiaisonView>> ListAsync(RosterFilter filter, CancellationToken ct)
    {
        IQueryable<Liaison> query = session.Query<Liaison>();
        if (filter.Village is { } village)
        {
            query = query.Where(l => l.Village == village);
        }

        if (filter.Role is { } role)
        {
            query = query.Where(l => l.Role == role);
        }

        if (filter.Active is { } active)
        {
            query = query.Where(l => l.IsActive == active);
        }

        var liaisons = await query.OrderBy(l => l.Village).ThenBy(l => l.Name).ToListAsync(ct);
        return liaisons.Select(View).ToList();
    }

    /// <summary>The villages on the roster, for the filters.</summary>
    public async Task<IReadOnlyList<string>> VillagesAsync(CancellationToken ct) =>
        [.. (await session.Query<Liaison>().Select(l => l.Village).Distinct().ToListAsync(ct)).Order(StringComparer.Ordinal)];

    /// <summary>The roster entry itself, or null when it is not this township's: for a reveal, never for a page to show.</summary>
    public Task<Liaison?> LoadAsync(Guid id, CancellationToken ct) => session.LoadAsync<Liaison>(id, ct);

    public async Task<LiaisonView?> GetAsync(Guid id, CancellationToken ct) =>
        await session.LoadAsync<Liaison>(id, ct) is { } liaison ? View(liaison) : null;

    public LiaisonView View(Liaison l) => new(
        l.Id, l.Version, l.Name, l.Village, l.Role.ToString(), T(Label(l.Role)),
        l.Phone is null ? null : guard.Mask(PersonalDataKind.PhoneNumber, l.Phone),
        l.AppointedOn, l.IsActive, l.StoodDownOn, l.StandDownReason);

    public Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid id, CancellationToken ct) => Timeline.ReadAsync<Liaison>(session, id, Describe, ct);

    private static string Describe(object data) => data switch
    {
        LiaisonAppointed a => T($"聘任为信息联络员（{a.Village}，{Label(a.Role).Chinese}，{a.AppointedOn:yyyy-MM-dd}）", $"Appointed liaison ({a.Village}, {Label(a.Role).English}, {a.AppointedOn:yyyy-MM-dd})"),
        LiaisonDetailsUpdated u => T($"更新名册信息（{u.Village}，{Label(u.Role).Chinese}）", $"Roster details updated ({u.Village}, {Label(u.Role).English})"),
        LiaisonStoodDown s => T($"离任（{s.On:yyyy-MM-dd}）：{s.Reason}", $"Stood down ({s.On:yyyy-MM-dd}): {s.Reason}"),
        _ => data.GetType().Name,
    };
}
