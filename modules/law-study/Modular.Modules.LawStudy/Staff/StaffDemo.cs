using Modular.Kit.Checks;

namespace Modular.Modules.LawStudy.Staff;

/// <summary>
/// The demo township's roster (野马川镇, 2020): 38 people in ten offices, the enforcement posts in planning and
/// construction (规划建设) and comprehensive enforcement (综合行政执法, urban management), a few linked to users who sign
/// in. Entered through the roster's own intake, so keys are claimed as a clerk's would be. The module's other demos
/// (sessions, exams, certificates) refer to these people by name, so this area is ordered first and seeds first; it
/// adds nothing once anyone is on the roster.
/// </summary>
internal sealed class StaffDemo(IQuerySession session, RegisterStaffMember register) : IDemoData
{
    public static readonly DateOnly RosterKeptFrom = new(2020, 1, 2);

    /// <summary>(department, post, enforcement post, names): the people the other demos name.</summary>
    public static readonly IReadOnlyList<(string Department, string Post, bool Enforcement, string[] Names)> Offices =
    [
        ("党政领导", "领导班子成员", false, ["王永刚", "陈德明", "刘国华", "张丽萍"]),
        ("党政办公室", "综合文秘", false, ["李晓燕", "赵明亮", "杨帆", "周婷"]),
        ("党建工作办公室", "组织干事", false, ["吴建国", "郑春燕", "孙浩"]),
        ("规划建设办公室", "规划建设执法", true, ["胡志强", "朱光辉", "高俊", "林海"]),
        ("综合行政执法办公室", "城管执法", true, ["何军", "罗永红", "梁伟", "宋平", "谢飞", "韩冬"]),
        ("自然资源所", "自然资源管理", false, ["唐文斌", "冯敏", "邓小兵"]),
        ("司法所", "司法助理员", false, ["许婧", "曹磊"]),
        ("财政所", "财务会计", false, ["彭丽", "曾祥云", "萧红"]),
        ("农业服务中心", "农技推广", false, ["田玉林", "董红梅", "潘勇", "袁芳"]),
        ("社会事务办公室", "社会事务", false, ["蒋涛", "蔡琴", "余洪", "杜鹃", "叶青"]),
    ];

    /// <summary>The people who sign in (the demo's users of the same names are created by the host's demo seeding, if any).</summary>
    public static readonly IReadOnlyDictionary<string, string> Users = new Dictionary<string, string>
    {
        ["李晓燕"] = "lixiaoyan",
        ["胡志强"] = "huzhiqiang",
        ["何军"] = "hejun",
        ["许婧"] = "xujing",
    };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.Query<StaffMember>().AnyAsync(cancellationToken))
        {
            return;
        }

        var serial = 0;
        foreach (var (department, post, enforcement, names) in Offices)
        {
            foreach (var name in names)
            {
                serial++;
                var born = new DateOnly(1970 + (serial * 7 % 28), 1 + (serial % 12), 1 + (serial * 3 % 27));
                await register.RegisterAsync(new RegisterStaffInput
                {
                    Name = name,
                    Department = department,
                    Post = post,
                    EnforcementPost = enforcement,
                    UserName = Users.GetValueOrDefault(name),
                    IdNumber = IdNumber($"520527{born:yyyyMMdd}{serial * 2 % 1000:D3}"),
                    Phone = $"1398570{serial:D4}",
                    JoinedOn = RosterKeptFrom.ToString("yyyy-MM-dd"),
                }, cancellationToken);
            }
        }
    }

    private static string IdNumber(string first17) => "0123456789X".Select(c => first17 + c).First(IdentityNumbers.IsValidResidentId);
}
