using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Counsel.Meetings.Steps;

internal sealed class ScheduleMeetingInput
{
    public string? Kind { get; set; }

    /// <summary>The day of the meeting (yyyy-MM-dd): ahead, or past when it is recorded afterwards.</summary>
    public string? On { get; set; }

    /// <summary>The meeting's subject (议题 are put on its agenda one by one).</summary>
    public string? Title { get; set; }

    public string? Place { get; set; }
}

/// <summary>召开党政联席会议或专题会议: a meeting is scheduled; its agenda is filled through the gate.</summary>
internal sealed class ScheduleMeeting(CounselStepContext context)
{
    public static MeetingScheduled? Decide(ScheduleMeetingInput input, string by, InputErrors errors)
    {
        var kind = errors.Choice<MeetingKind>("kind", input.Kind, "会议类型", "kind of meeting");
        var on = CounselInput.AnyDay(errors, "on", input.On, "会议日期", "Meeting date");
        var title = errors.Required("title", input.Title, "会议名称", "Title", 200);
        var place = errors.Optional("place", input.Place, "会议地点", "Place", 100);
        return errors.Any ? null : new MeetingScheduled(Guid.Empty, kind!.Value, on!.Value, title!, place, by);
    }

    public Task<Guid> ScheduleAsync(ScheduleMeetingInput input, CancellationToken ct) =>
        context.StartAsync<TownshipMeeting>(errors => Decide(input, context.User.DisplayName, errors) is { } scheduled ? id => scheduled with { Id = id } : null, ct);

    /// <summary><c>POST …/counsel/meetings</c>: 201 with the record, 400 naming every field.</summary>
    public static Task<Results<Created<MeetingView>, ValidationProblem>> EndpointAsync(
        string township, ScheduleMeetingInput input, ScheduleMeeting handler, CounselQueries queries, CancellationToken ct) =>
        CounselInput.CreatedAsync(() => handler.ScheduleAsync(input, ct), id => queries.MeetingAsync(id, ct), id => $"/api/t/{township}/legal-services/counsel/meetings/{id}");
}
