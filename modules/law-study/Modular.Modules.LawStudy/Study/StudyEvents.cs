namespace Modular.Modules.LawStudy.Study;

// Events are what happened, in the township's words and the past tense, each aliased in StudyArea
// (law-study.<event>.v1). Never change an event's meaning: add a new event (and a .v2 alias) instead.

/// <summary>A study session was held and recorded: what kind, on what, which laws, when, how long, who organised it.</summary>
internal sealed record StudySessionRecorded(
    Guid Id,
    StudyKind Kind,
    string Topic,
    IReadOnlyList<string> Laws,
    DateOnly HeldOn,
    decimal Hours,
    string Organiser,
    string By);

/// <summary>One person's line of the attendance: there or not, why not, and (online courses only) the hours they did.</summary>
internal sealed record AttendanceEntry(Guid StaffId, AttendanceMark Mark, string? Note, decimal? Hours);

/// <summary>The attendance was taken, or corrected: the whole list as it now stands (who was listed, who was there).</summary>
internal sealed record AttendanceTaken(IReadOnlyList<AttendanceEntry> Entries, string By);

/// <summary>A material's record in the session; its bytes are a <see cref="StoredStudyMaterial"/>.</summary>
internal sealed record StudyMaterialRef(Guid Id, string FileName, string ContentType, long Size);

internal sealed record StudyMaterialAttached(StudyMaterialRef Material, string By);

internal sealed record StudyMaterialRemoved(Guid MaterialId, string By);

/// <summary>The session was cancelled (recorded in error, or called off): kept with its reason, no longer counted.</summary>
internal sealed record StudySessionCancelled(string Reason, string By);
