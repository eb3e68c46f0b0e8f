using Modular.Kit.Input;
using Modular.Modules.LegalServices.Counsel.Retainers;

namespace Modular.Modules.LegalServices.Counsel.Meetings.Steps;

internal sealed class RecordAttendanceInput : CounselStepInput
{
    /// <summary>The counsel present; empty when none attended.</summary>
    public List<string>? CounselIds { get; set; }
}

internal sealed record RecordAttendance(DateOnly? On, IReadOnlyList<AttendingCounsel> Counsel, string By);

/// <summary>法律顾问列席会议: who of the retained counsel attended, recorded once the meeting has taken place.</summary>
internal static class RecordAttendanceStep
{
    public const string Name = "attendance";

    public static RecordAttendance Read(RecordAttendanceInput input, DateOnly today, IReadOnlyList<Retainer> retainers, InputErrors errors, string by)
    {
        var present = new List<AttendingCounsel>();
        foreach (var given in (input.CounselIds ?? []).Distinct().Take(20))
        {
            var counsel = Guid.TryParse(given, out var id) ? retainers.SelectMany(r => r.Counsel).FirstOrDefault(c => c.Id == id) : null;
            if (counsel is null)
            {
                errors.Add("counselIds", "没有这位法律顾问", "No such counsel.");
                break;
            }

            present.Add(new AttendingCounsel(counsel.Id, counsel.Name));
        }

        return new(CounselInput.OnOrToday(input.On, today, errors), present, by);
    }

    public static IReadOnlyList<object> Decide(TownshipMeeting m, RecordAttendance c, InputErrors errors)
    {
        TownshipMeeting.Steps.Expect(m, Name, errors);
        if (c.On is { } on && on < m.On)
        {
            errors.Add("state", $"会议在{m.On:yyyy-MM-dd}召开，召开后才能登记出席情况", $"The meeting is on {m.On:yyyy-MM-dd}; attendance is recorded once it has taken place.");
        }

        return errors.Any ? [] : [new CounselAttendanceRecorded(c.Counsel, c.On!.Value, c.By)];
    }

    public static async Task<bool> RunAsync(CounselStepContext context, Guid id, RecordAttendanceInput input, CancellationToken ct)
    {
        var retainers = await context.Queries.RetainersAsync(ct);
        return await context.RunAsync<TownshipMeeting, RecordAttendanceInput, RecordAttendance>(id, input,
            (i, today, e) => Read(i, today, retainers, e, context.User.DisplayName), Decide, ct);
    }
}
