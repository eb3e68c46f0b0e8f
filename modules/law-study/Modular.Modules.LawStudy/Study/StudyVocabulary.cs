using Modular.Contracts.Modules;

namespace Modular.Modules.LawStudy.Study;

/// <summary>The forms of study the township's summary and the provincial rules name.</summary>
internal enum StudyKind
{
    /// <summary>党委(党组)理论学习中心组学习: the leadership's own study, usually monthly.</summary>
    CentralGroup,

    /// <summary>会前学法: a law studied at the start of a government meeting.</summary>
    PreMeeting,

    /// <summary>全体干部职工会议学法: the whole staff at one meeting.</summary>
    AllStaff,

    /// <summary>专题培训班: a training course on a law or a field (enforcement staff, new laws).</summary>
    Training,

    /// <summary>网络课程: an online course; each person may have done a different share of it.</summary>
    Online,
}

/// <summary>Whether a person listed for a session was there, and if not, why (公差, 病假, 事假 are the usual words).</summary>
internal enum AttendanceMark
{
    Present,
    OnDuty,
    SickLeave,
    PersonalLeave,
    Other,
}

internal static class StudyVocabulary
{
    public static LocalizedText Label(StudyKind kind) => kind switch
    {
        StudyKind.CentralGroup => new("党委(党组)理论学习中心组学习", "Leading group study (中心组)"),
        StudyKind.PreMeeting => new("会前学法", "Law study before a meeting"),
        StudyKind.AllStaff => new("全体干部职工会议学法", "All-staff meeting"),
        StudyKind.Training => new("专题培训班", "Training course"),
        StudyKind.Online => new("网络课程", "Online course"),
        _ => new(kind.ToString(), kind.ToString()),
    };

    public static LocalizedText Label(AttendanceMark mark) => mark switch
    {
        AttendanceMark.Present => new("出席", "Present"),
        AttendanceMark.OnDuty => new("公差", "Away on duty"),
        AttendanceMark.SickLeave => new("病假", "Sick leave"),
        AttendanceMark.PersonalLeave => new("事假", "Personal leave"),
        AttendanceMark.Other => new("其他缺席", "Absent, other reason"),
        _ => new(mark.ToString(), mark.ToString()),
    };

    /// <summary>A kind or mark as a clerk writes it in a workbook or the API sends it: the name, or its Chinese or English label.</summary>
    public static TEnum? Parse<TEnum>(string? text, Func<TEnum, LocalizedText> label)
        where TEnum : struct, Enum
    {
        var value = text?.Trim() ?? "";
        return Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(v =>
            string.Equals(v.ToString(), value, StringComparison.OrdinalIgnoreCase) || label(v!.Value).Chinese == value || label(v!.Value).English == value);
    }
}
