using Modular.Contracts.Modules;
using Modular.Kit.Steps;
using Modular.Modules.LawStudy.Study.Steps;

namespace Modular.Modules.LawStudy.Study;

internal enum StudySessionState
{
    Recorded,
    Cancelled,
}

/// <summary>
/// A study session (学法活动) and who was at it: the inline snapshot of its stream. A person's hours are counted from
/// the sessions they were present at, never stored on the person; a cancelled session counts for nobody.
/// </summary>
internal sealed class StudySession
{
    /// <summary>Which steps each state allows: read by the API, the page and the tests.</summary>
    public static readonly StepTable<StudySession, StudySessionState> Steps = new StepTable<StudySession, StudySessionState>(s => s.State, Label)
        .Allow(TakeAttendance.Step, StudySessionState.Recorded)
        .Allow(AttachMaterial.Step, StudySessionState.Recorded)
        .Allow(RemoveMaterial.Step, s => s.Materials.Count > 0, StudySessionState.Recorded)
        .Allow(CancelStudySession.Step, StudySessionState.Recorded);

    public Guid Id { get; set; }

    public long Version { get; set; }

    public StudyKind Kind { get; set; }

    public string Topic { get; set; } = "";

    public List<string> Laws { get; set; } = [];

    public DateOnly HeldOn { get; set; }

    public decimal Hours { get; set; }

    public string Organiser { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public List<AttendanceEntry> Attendance { get; set; } = [];

    public List<StudyMaterialRef> Materials { get; set; } = [];

    public StudySessionState State { get; set; }

    public string? CancelReason { get; set; }

    /// <summary>The hours this session gives <paramref name="staffId"/>: the session's, or an online course's own per person; 0 when absent.</summary>
    public decimal HoursOf(Guid staffId) => Attendance.FirstOrDefault(a => a.StaffId == staffId) is { Mark: AttendanceMark.Present } entry
        ? entry.Hours ?? Hours
        : 0;

    public int Present => Attendance.Count(a => a.Mark == AttendanceMark.Present);

    public static StudySession Create(StudySessionRecorded e) => new()
    {
        Id = e.Id,
        Kind = e.Kind,
        Topic = e.Topic,
        Laws = [.. e.Laws],
        HeldOn = e.HeldOn,
        Hours = e.Hours,
        Organiser = e.Organiser,
        RecordedBy = e.By,
        State = StudySessionState.Recorded,
    };

    public void Apply(AttendanceTaken e) => Attendance = [.. e.Entries];

    public void Apply(StudyMaterialAttached e) => Materials.Add(e.Material);

    public void Apply(StudyMaterialRemoved e) => Materials.RemoveAll(m => m.Id == e.MaterialId);

    public void Apply(StudySessionCancelled e)
    {
        State = StudySessionState.Cancelled;
        CancelReason = e.Reason;
    }

    public static LocalizedText Label(StudySessionState state) => state switch
    {
        StudySessionState.Recorded => new("已记录", "Recorded"),
        StudySessionState.Cancelled => new("已撤销", "Cancelled"),
        _ => new(state.ToString(), state.ToString()),
    };
}
