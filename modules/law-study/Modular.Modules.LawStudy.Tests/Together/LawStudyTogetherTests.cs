using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modular.Kit;
using Modular.Modules.LawStudy.Tests.Exams;
using Modular.Testing;
using static Modular.Modules.LawStudy.Tests.Certificates.CertificateScenario;
using static Modular.Modules.LawStudy.Tests.Exams.ExamScenario;
using static Modular.Modules.LawStudy.Tests.Study.StudyScenario;

namespace Modular.Modules.LawStudy.Tests.Together;

/// <summary>The module's areas as one: one person's own page, the township's home page, the navigation and the demo's report.</summary>
[Collection(LawStudyCollection.Name)]
public sealed partial class LawStudyTogetherTests(LawStudyPlatform platform)
{
    [Fact]
    public async Task One_person_finds_their_hours_their_exam_and_their_certificate_on_my_law_study_and_the_home_page_counts_all_three_areas()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module],
            LawStudyPlatform.StudyClerk, LawStudyPlatform.ExamOrganiser, LawStudyPlatform.EnforcementSupervisor, LawStudyPlatform.Head);
        var t = new ExamTownship(admin, slug, clerk);
        await BankAsync(t, "宪法", 4);
        var examId = await SetExamAsync(t, Exam(platform.Clock.GetUtcNow()));
        var (sitter, _, staffId) = await SitterAsync(platform, t, "王强");
        await SitterAsync(platform, t, "李梅");

        var today = TownshipTime.Today(platform.Clock);
        var session = await SessionAsync(clerk, slug, "AllStaff", 2, heldOn: today.ToString("yyyy-MM-dd"));
        var attendance = await AttendanceAsync(clerk, slug, session.GetProperty("id").GetGuid(), session.GetProperty("version").GetInt64(), new { staffId, mark = "Present" });
        Assert.Equal(HttpStatusCode.OK, attendance.StatusCode);
        var number = Number();
        await IssuedAsync(clerk, slug, staffId, number, today.AddMonths(-6).ToString("yyyy-MM-dd"), today.AddDays(30).ToString("yyyy-MM-dd"), area: Area);

        var attempt = await StartAsync(sitter, t, examId);
        var answers = attempt.GetProperty("questions").EnumerateArray().Select(q => (q.GetProperty("no").GetInt32(), RightChoice(q))).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await SaveAsync(sitter, t, attempt.GetProperty("id").GetGuid(), answers)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sitter.PostAsync($"{t.Api}/attempts/{attempt.GetProperty("id").GetGuid()}/submit", null)).StatusCode);

        // 我的学法: the entry, the year's hours, the exam with its best score, the certificate with its QR code.
        var me = await sitter.GetStringAsync($"/t/{slug}/law-study/me");
        Assert.Matches("data-hours=\"2(\\.0+)?\"", me);
        Assert.Contains("学法学时", me);
        Assert.Matches($"data-exam=\"{examId}\" data-best=\"12(\\.0+)?\" data-band=\"Excellent\"", me);
        Assert.Contains($"data-number=\"{number}\" data-standing=\"ExpiringSoon\"", me);
        Assert.Contains("/qr.svg", me);

        // The home page: the study, exam and certificate figures side by side, each from its own area.
        var home = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");
        string Figure(string label) => home.GetProperty("figures").EnumerateArray()
            .Single(f => f.GetProperty("label").GetString() == label).GetProperty("value").GetString()!;
        Assert.Equal("1", Figure("本年学法活动"));
        Assert.Equal("1", Figure("进行中的学法考试"));
        Assert.Equal("1", Figure("尚未参加学法考试的工作人员"));
        Assert.Equal("1", Figure("待年审或即将到期的执法证"));
        Assert.Contains(home.GetProperty("dueItems").EnumerateArray(), d => d.GetProperty("item").GetProperty("title").GetProperty("chinese").GetString()!.Contains(number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_page_of_the_module_is_in_the_navigation_or_one_link_from_it()
    {
        var (admin, slug, _) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.Head);
        var everyRole = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, LawStudyPlatform.StudyClerk, LawStudyPlatform.ExamOrganiser,
            LawStudyPlatform.EnforcementSupervisor, LawStudyPlatform.StaffMember, LawStudyPlatform.Head), Scenario.Password);
        var root = $"/t/{slug}/law-study/";
        var start = await everyRole.GetStringAsync($"{root}study");
        var navigation = Links(NavigationBlock().Match(start).Value, root);

        // Each page without an id in its route: from the navigation, or from a page the navigation opens (new, import).
        string[] pages =
        [
            "staff", "staff/new", "staff/import", "me", "study", "study/new", "study/hours", "study/settings", "exams", "exams/new", "questions",
            "questions/import", "my-exams", "exam-settings", "certificates", "certificates/mine", "certificates/settings", "enforcement/tasks",
            "officers", "verify", "exam-certificates/verify",
        ];
        var reachable = new HashSet<string>(navigation);
        foreach (var page in navigation)
        {
            var html = await everyRole.GetAsync($"{root}{page}");
            Assert.True(html.StatusCode == HttpStatusCode.OK, $"{page}: {html.StatusCode}");
            reachable.UnionWith(Links(await html.Content.ReadAsStringAsync(), root));
        }

        Assert.All(pages, p => Assert.Contains(p, reachable));
        Assert.All(["study/hours", "study/settings", "exam-settings", "officers", "verify", "exam-certificates/verify", "me", "my-exams", "certificates/mine"],
            p => Assert.Contains(p, navigation));
    }

    [Fact]
    public async Task The_demo_township_2020_reports_its_roster_sessions_the_exam_sat_by_all_certified_officers_tasks_in_pairs_and_one_refusal()
    {
        const string Demo = "yemachuan";
        var admin = await platform.AdminClientAsync();
        var head = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, Demo, LawStudyPlatform.Head), Scenario.Password);

        var roster = await head.GetFromJsonAsync<JsonElement>($"/api/t/{Demo}/law-study/staff");
        Assert.Equal(38, roster.GetArrayLength());
        var tasks = await head.GetFromJsonAsync<JsonElement>($"/api/t/{Demo}/law-study/enforcement/tasks?from=2020-01-01&to=2020-12-31");
        Assert.Equal(19, tasks.GetArrayLength());
        Assert.All(tasks.EnumerateArray(), task => Assert.Equal(2, task.GetProperty("officers").GetArrayLength()));

        var report = await head.GetStringAsync($"/t/{Demo}/annual-report?year=2020");
        // Each section sits under its chapter of the township's summary, headed by its own subject (not the chapter again), and is followed by its own sentences.
        int Heading(string heading)
        {
            var at = report.IndexOf($"<h5 class=\"report-section\">{heading}</h5>", StringComparison.Ordinal);
            Assert.True(at >= 0, $"no section “{heading}”");
            return at;
        }

        var study = Heading("工作人员学法");
        var exam = Heading("年度学法考试");
        var officers = Heading("行政执法人员资格管理");
        var enforcement = Heading("严格规范公正文明执法");
        void After(int heading, string text)
        {
            var at = report.IndexOf(text, heading, StringComparison.Ordinal);
            var next = report.IndexOf("<h5 class=\"report-section\">", heading + 4, StringComparison.Ordinal);
            Assert.True(at > heading && (next < 0 || at < next), $"“{text}” is not in its section");
        }

        // Staff law study: 29 sessions, 1601 hours of the 38, 35 on target.
        After(study, "共组织学法活动29次");
        After(study, "全镇38名干部职工累计学法1601学时，人均42.1学时，35人达到年度学法学时目标，3人未达到。");
        // The yearly exam, sat by everyone.
        After(exam, "应参考38人，实际参考38人，参考率100%");
        // Certified officers and the one refused assignment.
        After(officers, "本镇执法岗位工作人员10名，年末持有有效行政执法证8名");
        After(officers, "全年拒绝不符合条件的执法人员指派1次。");
        // Enforcement under the decisions chapter: tasks given to pairs of certified officers.
        After(enforcement, "开展行政检查12次");
        After(enforcement, "实施行政强制2件；每项执法任务均由两名以上持有有效行政执法证的执法人员承办");
    }

    private static HashSet<string> Links(string html, string root) =>
        [.. Href().Matches(html).Select(m => m.Groups[1].Value).Where(h => h.StartsWith(root, StringComparison.Ordinal))
            .Select(h => h[root.Length..].Split('?', '#')[0].TrimEnd('/')).Where(h => h.Length > 0)];

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<nav class=\"side\"[\\s\\S]*?</nav>")]
    private static partial Regex NavigationBlock();
}
