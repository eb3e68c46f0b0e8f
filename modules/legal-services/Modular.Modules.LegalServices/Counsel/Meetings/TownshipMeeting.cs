using Modular.Kit.Steps;
using Modular.Modules.LegalServices.Counsel.Meetings.Steps;

namespace Modular.Modules.LegalServices.Counsel.Meetings;

internal sealed record MeetingScheduled(Guid Id, MeetingKind Kind, DateOnly On, string Title, string? Place, string By);

/// <summary>
/// An item put on the agenda, with the review it passed the gate on as it stood then: the meeting pack shows the opinion
/// the meeting decided on (Art 29), even if the document is sent again later.
/// </summary>
internal sealed record ItemPutOnAgenda(Guid ItemId, AgendaItemKind Kind, string Title, ReviewOnAgenda? Review, DateOnly On, string By);

internal sealed record ReviewOnAgenda(Guid ReviewId, string Number, int Round, string DocumentVersion, ReviewOpinion Opinion, string OpinionText, string? RequiredChanges,
    string? ChangesNote, string CounselName, DateOnly AnsweredOn);

/// <summary>Art 33: an item is never removed; it is withdrawn with the reason, and stays in the record.</summary>
internal sealed record AgendaItemWithdrawn(Guid ItemId, string Reason, DateOnly On, string By);

/// <summary>The counsel present at the meeting (none is an answer too); recorded again, the later record holds.</summary>
internal sealed record CounselAttendanceRecorded(IReadOnlyList<AttendingCounsel> Counsel, DateOnly On, string By);

internal sealed record AttendingCounsel(Guid CounselId, string Name);

internal sealed class AgendaItem
{
    public Guid Id { get; set; }

    public AgendaItemKind Kind { get; set; }

    public string Title { get; set; } = "";

    public ReviewOnAgenda? Review { get; set; }

    public DateOnly PutOn { get; set; }

    public string By { get; set; } = "";

    public AgendaItemWithdrawn? Withdrawn { get; set; }
}

internal enum MeetingState
{
    Scheduled,

    /// <summary>Attendance is recorded: the meeting took place, and its agenda is closed.</summary>
    Held,
}

/// <summary>
/// A township meeting (党政联席会议, 专题会议) and its agenda. The gate of 重大行政决策程序暂行条例 Art 25 stands at the
/// agenda: see <see cref="AgendaGate"/>.
/// </summary>
internal sealed class TownshipMeeting
{
    public static readonly StepTable<TownshipMeeting, MeetingState> Steps = new StepTable<TownshipMeeting, MeetingState>(m => m.State, Label)
        .Allow(PutOnAgendaStep.Name, MeetingState.Scheduled)
        .Allow(WithdrawItemStep.Name, MeetingState.Scheduled)
        .Allow(RecordAttendanceStep.Name, MeetingState.Scheduled, MeetingState.Held);

    public Guid Id { get; set; }

    public long Version { get; set; }

    public MeetingKind Kind { get; set; }

    public DateOnly On { get; set; }

    public string Title { get; set; } = "";

    public string? Place { get; set; }

    public MeetingState State { get; set; }

    public List<AgendaItem> Items { get; set; } = [];

    public List<AttendingCounsel> Attendance { get; set; } = [];

    /// <summary>Whether any counsel attended: what "meetings attended" counts.</summary>
    public bool CounselAttended { get; set; }

    public static TownshipMeeting Create(MeetingScheduled e) => new() { Id = e.Id, Kind = e.Kind, On = e.On, Title = e.Title, Place = e.Place };

    public void Apply(ItemPutOnAgenda e) =>
        Items.Add(new AgendaItem { Id = e.ItemId, Kind = e.Kind, Title = e.Title, Review = e.Review, PutOn = e.On, By = e.By });

    public void Apply(AgendaItemWithdrawn e) => Items.First(i => i.Id == e.ItemId).Withdrawn = e;

    public void Apply(CounselAttendanceRecorded e)
    {
        Attendance = [.. e.Counsel];
        CounselAttended = e.Counsel.Count > 0;
        State = MeetingState.Held;
    }

    public IEnumerable<AgendaItem> Standing => Items.Where(i => i.Withdrawn is null);

    public static Modular.Contracts.Modules.LocalizedText Label(MeetingState s) => s == MeetingState.Scheduled ? new("已安排", "Scheduled") : new("已召开", "Held");
}
