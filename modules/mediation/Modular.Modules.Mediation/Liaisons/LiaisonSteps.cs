using Marten;
using Modular.Contracts.Modules;
using Modular.Contracts.Time;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.Mediation.Liaisons;

internal sealed class StandDownInput
{
    public long? Version { get; set; }

    public string? On { get; set; }

    public string? Reason { get; set; }
}

/// <summary>
/// What happens to a roster entry after the appointment: its details change, or the liaison stands down. A liaison who
/// stood down stays on the roster, with the leads he reported, but takes no further step.
/// </summary>
internal sealed class LiaisonSteps(IDocumentSession session, IStatutoryClock clock)
{
    public Task<bool> UpdateAsync(Guid id, LiaisonInput input, CancellationToken ct) => RunAsync(id, input.Version, ct, (liaison, firstLead, _, errors) =>
    {
        var details = LiaisonDetails.Read(input, errors, clock.Today, liaison.Phone);
        // His leads were reported while he served (ReportLead): the appointment cannot move past the first of them.
        if (details is not null && firstLead is { } first && details.AppointedOn > first)
        {
            errors.Add("appointedOn", $"聘任日期不能晚于其报告的第一条线索（{first:yyyy-MM-dd}）", $"The appointment cannot be after the first lead he reported ({first:yyyy-MM-dd}).");
        }

        ExpectActive(errors, liaison, new("修改", "be changed"));
        return errors.Any ? null : new LiaisonDetailsUpdated(details!.Name, details.Village, details.Role, details.Phone, details.AppointedOn);
    });

    public Task<bool> StandDownAsync(Guid id, StandDownInput input, CancellationToken ct) => RunAsync(id, input.Version, ct, (liaison, _, lastLead, errors) =>
    {
        var on = errors.Date("on", input.On, "离任日期", "Date stood down", clock.Today);
        var reason = errors.Required("reason", input.Reason, "离任原因", "Reason", 500);
        if (on is { } day && day < liaison.AppointedOn)
        {
            errors.Add("on", $"离任日期不能早于聘任日期（{liaison.AppointedOn:yyyy-MM-dd}）", $"A liaison cannot stand down before being appointed ({liaison.AppointedOn:yyyy-MM-dd}).");
        }
        else if (on is { } left && lastLead is { } last && left < last)
        {
            errors.Add("on", $"离任日期不能早于其报告的最后一条线索（{last:yyyy-MM-dd}）", $"A liaison cannot stand down before the last lead he reported ({last:yyyy-MM-dd}).");
        }

        ExpectActive(errors, liaison, new("办理离任", "stand down"));
        return errors.Any ? null : new LiaisonStoodDown(on!.Value, reason!);
    });

    /// <param name="decide">Given the liaison and the days of the first and last lead he reported (null when none).</param>
    private async Task<bool> RunAsync(Guid id, long? version, CancellationToken ct, Func<Liaison, DateOnly?, DateOnly?, InputErrors, object?> decide)
    {
        var errors = new InputErrors();
        // Another township's liaison has no leads here: the step below then finds no such liaison (404).
        var reported = await session.Query<Lead>().Where(l => l.LiaisonId == id).Select(l => l.ReportedOn).ToListAsync(ct);
        var (first, last) = reported.Count == 0 ? ((DateOnly?)null, (DateOnly?)null) : (reported.Min(), reported.Max());
        return await session.RunStepAsync<Liaison>(id, version, errors, liaison => decide(liaison, first, last, errors) is { } change ? [change] : [], ct);
    }

    private static void ExpectActive(InputErrors errors, Liaison liaison, LocalizedText action)
    {
        if (!liaison.IsActive)
        {
            errors.Add("state", $"该联络员已于{liaison.StoodDownOn:yyyy-MM-dd}离任，不能{action.Chinese}", $"The liaison stood down on {liaison.StoodDownOn:yyyy-MM-dd} and cannot {action.English}.");
        }
    }
}
