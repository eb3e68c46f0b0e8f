using Modular.Modules.LawStudy.Staff;
using Modular.Modules.LawStudy.Study.Steps;

namespace Modular.Modules.LawStudy.Study;

/// <summary>
/// 野马川镇's study year 2020 (section 六 of its summary: 中心组 and all-staff study, 会前学法, training for enforcement
/// staff, an online course), recorded and signed in through the area's own steps: 12 leading-group sessions of 2 hours,
/// 10 before-meeting sessions of 1 hour and 4 all-staff meetings of 2 hours for the whole roster, 2 one-day courses for
/// the enforcement posts and the judicial office, and the year's online course, whose hours each person completed.
/// Most of the 38 meet the default 40 hours; 杨帆, 潘勇 and 叶青 did too little of the online course and are behind.
/// </summary>
internal sealed class StudyDemo(IQuerySession session, StaffRoster roster, RecordStudySession record, TakeAttendance attendance) : IDemoData
{
    public static readonly string[] Behind = ["杨帆", "潘勇", "叶青"];

    private static readonly (int Month, int Day, string Topic, string[] Laws)[] CentralGroup =
    [
        (1, 16, "学习宪法，增强宪法意识", ["《中华人民共和国宪法》"]),
        (2, 20, "依法做好疫情防控工作", ["《中华人民共和国传染病防治法》", "《中华人民共和国突发事件应对法》"]),
        (3, 19, "法治政府建设与责任落实", ["《法治政府建设实施纲要（2015—2020年）》"]),
        (4, 16, "党政主要负责人履行推进法治建设第一责任人职责", ["《党政主要负责人履行推进法治建设第一责任人职责规定》"]),
        (5, 21, "学习民法典草案", ["《中华人民共和国民法典》"]),
        (6, 18, "民法典与基层治理", ["《中华人民共和国民法典》"]),
        (7, 16, "重大行政决策程序", ["《重大行政决策程序暂行条例》"]),
        (8, 20, "土地管理与耕地保护", ["《中华人民共和国土地管理法》"]),
        (9, 17, "政府信息公开", ["《中华人民共和国政府信息公开条例》"]),
        (10, 22, "信访工作法治化", ["《信访条例》"]),
        (11, 19, "学习习近平法治思想", ["《中华人民共和国宪法》"]),
        (12, 17, "优化营商环境", ["《优化营商环境条例》"]),
    ];

    private static readonly (int Month, int Day, string Topic, string[] Laws)[] PreMeeting =
    [
        (1, 9, "会前学法：行政许可", ["《中华人民共和国行政许可法》"]),
        (3, 5, "会前学法：传染病防治", ["《中华人民共和国传染病防治法》"]),
        (4, 9, "会前学法：安全生产", ["《中华人民共和国安全生产法》"]),
        (5, 14, "会前学法：森林防火", ["《森林防火条例》"]),
        (6, 11, "会前学法：民法典总则编", ["《中华人民共和国民法典》"]),
        (7, 9, "会前学法：防汛抗旱", ["《中华人民共和国防洪法》"]),
        (8, 13, "会前学法：人民调解", ["《中华人民共和国人民调解法》"]),
        (9, 10, "会前学法：城乡规划", ["《中华人民共和国城乡规划法》"]),
        (10, 15, "会前学法：行政复议与诉讼", ["《中华人民共和国行政复议法》", "《中华人民共和国行政诉讼法》"]),
        (12, 10, "会前学法：保障农民工工资支付", ["《保障农民工工资支付条例》"]),
    ];

    private static readonly (int Month, int Day, string Topic, string[] Laws)[] AllStaff =
    [
        (3, 26, "全体干部职工学法：宪法和监察法", ["《中华人民共和国宪法》", "《中华人民共和国监察法》"]),
        (6, 24, "全体干部职工学法：民法典", ["《中华人民共和国民法典》"]),
        (9, 24, "全体干部职工学法：公职人员政务处分", ["《中华人民共和国公职人员政务处分法》"]),
        (12, 3, "全体干部职工学法：国家宪法日", ["《中华人民共和国宪法》"]),
    ];

    private static readonly (int Month, int Day, string Topic, string[] Laws)[] Training =
    [
        (5, 27, "行政执法人员专题培训：行政处罚程序", ["《中华人民共和国行政处罚法》", "《中华人民共和国行政强制法》"]),
        (10, 28, "行政执法“三项制度”专题培训", ["《中华人民共和国行政处罚法》", "《中华人民共和国城乡规划法》"]),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.Query<StudySession>().AnyAsync(cancellationToken))
        {
            return;
        }

        var people = await roster.MembersAsync(new StaffFilter(), cancellationToken);
        if (people.Count == 0)
        {
            return;
        }

        var leaders = people.Where(p => p.Department == StaffDemo.Offices[0].Department).ToList();
        var trained = people.Where(p => p.EnforcementPost || p.Department == "司法所").ToList();
        var absences = new Dictionary<(string Topic, string Name), AttendanceMark>
        {
            [(PreMeeting[2].Topic, "赵明亮")] = AttendanceMark.OnDuty,
            [(PreMeeting[4].Topic, "冯敏")] = AttendanceMark.SickLeave,
            [(PreMeeting[6].Topic, "周婷")] = AttendanceMark.OnDuty,
            [(AllStaff[1].Topic, "董红梅")] = AttendanceMark.PersonalLeave,
            [(CentralGroup[1].Topic, "刘国华")] = AttendanceMark.OnDuty,
        };

        async Task HoldAsync(StudyKind kind, (int Month, int Day, string Topic, string[] Laws) s, decimal hours, string organiser, IReadOnlyList<StaffMember> listed, Func<StaffMember, decimal?>? own = null)
        {
            var id = await record.RecordAsync(new RecordStudySessionInput
            {
                Kind = kind.ToString(),
                Topic = s.Topic,
                Laws = s.Laws,
                HeldOn = new DateOnly(2020, s.Month, s.Day).ToString("yyyy-MM-dd"),
                Hours = hours,
                Organiser = organiser,
            }, cancellationToken);
            await attendance.RunAsync(id, new TakeAttendanceInput
            {
                Version = 1,
                Entries = [.. listed.Select(p => new AttendanceLineInput
                {
                    StaffId = p.Id,
                    Mark = (absences.TryGetValue((s.Topic, p.Name), out var away) ? away : AttendanceMark.Present).ToString(),
                    Hours = own?.Invoke(p),
                })],
            }, cancellationToken);
        }

        foreach (var s in CentralGroup)
        {
            await HoldAsync(StudyKind.CentralGroup, s, 2, "镇党委", leaders);
        }

        foreach (var s in PreMeeting)
        {
            await HoldAsync(StudyKind.PreMeeting, s, 1, "党政办公室", people);
        }

        foreach (var s in AllStaff)
        {
            await HoldAsync(StudyKind.AllStaff, s, 2, "党政办公室", people);
        }

        foreach (var s in Training)
        {
            await HoldAsync(StudyKind.Training, s, 8, "司法所", trained);
        }

        // What each completed of the 30-hour course: the leaders and the trained staff had their hours already.
        await HoldAsync(StudyKind.Online, (12, 15, "2020年度国家工作人员网络学法课程", ["《中华人民共和国民法典》", "《中华人民共和国宪法》"]), 30, "党政办公室", people,
            p => Behind.Contains(p.Name) ? 12 : leaders.Contains(p) ? 6 : trained.Contains(p) ? 10 : 24);
    }
}
