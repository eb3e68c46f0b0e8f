using Marten;
using Modular.Contracts.Extensions;
using Modular.Contracts.Time;
using Modular.Kit.Records;
using Modular.Modules.LawStudy.Certificates;
using Modular.Modules.LawStudy.Staff;
using Modular.Modules.LawStudy.Study;

namespace Modular.Modules.LawStudy;

/// <summary>
/// The county's view of the townships' staff study and enforcement certificates for a year: one query each for the
/// year's study sessions, the rosters, the townships' study targets and the certificates, across every township asked
/// about, each township counted as its own annual report counts it (hours per person on the roster of the year's last
/// day, or today while the year runs, against the township's own target; officers holding a certificate valid on
/// 31 December).
/// </summary>
internal sealed class CountyFigures(IQuerySession session, IStatutoryClock clock) : ICountyFigures
{
    public async Task<IReadOnlyList<CountyFigure>> GetAsync(IReadOnlyCollection<string> townships, int year, CancellationToken cancellationToken)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var countedOn = year == clock.Today.Year ? clock.Today : to;
        var sessions = await session.QueryAsync<StudySession>(townships, s => s.HeldOn >= from && s.HeldOn <= to && s.State == StudySessionState.Recorded, cancellationToken);
        var staff = await session.QueryAsync<StaffMember>(townships, cancellationToken);
        var settings = await session.QueryAsync<StudySettings>(townships, cancellationToken);
        var certificates = await session.QueryAsync<Certificate>(townships, cancellationToken);

        var hours = staff.ToDictionary(t => t.Key, t =>
        {
            var targets = settings[t.Key].FirstOrDefault() ?? new StudySettings();
            var held = sessions[t.Key].OrderByDescending(s => s.HeldOn).Take(StudyQueries.MaxPerYear).ToList();
            return t.Value.Where(m => m.OnRosterOn(countedOn)).Select(m => StudyHours.Of(m, held, targets.TargetOf(m.Post))).ToList();
        });
        return
        [
            new("study-average-hours", new("人均学法学时", "Average study hours per person"),
                hours.ToDictionary(h => h.Key, h => h.Value.Count == 0 ? 0 : decimal.Round(h.Value.Sum(p => p.Hours) / h.Value.Count, 1)), Decimals: 1),
            new("study-met-target", new("达到学时目标人数", "Staff who met their study target"), hours.ToDictionary(h => h.Key, h => (decimal)h.Value.Count(p => !p.Behind))),
            new("certified-officers", new("持有效执法证人员", "Officers with a valid certificate"),
                certificates.ToDictionary(c => c.Key, c => (decimal)c.Value.Where(x => x.ValidOn(to)).Select(x => x.HolderId).Distinct().Count())),
        ];
    }
}
