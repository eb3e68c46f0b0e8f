namespace Modular.Modules.LawStudy.Staff;

// Events are what happened, in the township's words and the past tense. Each is aliased in StaffArea
// (law-study.<event>.v1), so renaming a class never breaks the stored history. Never change an event's meaning:
// add a new event (and a .v2 alias) instead.

/// <summary>
/// A member of staff was put on the roster: where they work, on which post, whether it is an enforcement post (执法岗位),
/// the platform user they sign in as (if any), and their ID number and phone (personal data, never logged).
/// </summary>
internal sealed record StaffMemberRegistered(
    Guid Id,
    string Name,
    string Department,
    string Post,
    bool EnforcementPost,
    string? UserName,
    string? IdNumber,
    string? Phone,
    DateOnly JoinedOn);

/// <summary>The roster entry was corrected or the person moved department or post; the whole entry as it now stands.</summary>
internal sealed record StaffMemberChanged(
    string Name,
    string Department,
    string Post,
    bool EnforcementPost,
    string? UserName,
    string? IdNumber,
    string? Phone);

/// <summary>The person left the township's staff (调离、退休…): kept on the record, no longer on the roster.</summary>
internal sealed record StaffMemberLeft(DateOnly LeftOn, string Reason);
