using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.LawStudy.Tests.Study.StudyScenario;

namespace Modular.Modules.LawStudy.Tests.Study;

/// <summary>Sessions through the API: recorded, attendance taken and corrected, hours added up, materials, cancelled; another township locked out.</summary>
[Collection(LawStudyCollection.Name)]
public sealed class StudySessionTests(LawStudyPlatform platform)
{
    [Fact]
    public async Task A_clerk_records_sessions_and_their_attendance_and_each_persons_hours_add_up()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        var li = await PersonAsync(clerk, slug, "李晓燕");
        var zhao = await PersonAsync(clerk, slug, "赵明亮");

        var meeting = await SessionAsync(clerk, slug, "AllStaff", 2);
        var id = meeting.GetProperty("id").GetGuid();
        var taken = await AttendanceAsync(clerk, slug, id, 1, new { staffId = li, mark = "Present" }, new { staffId = zhao, mark = "OnDuty" });
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var session = await taken.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("公差", session.GetProperty("attendance").EnumerateArray().Single(a => a.GetProperty("staffId").GetGuid() == zhao).GetProperty("markLabel").GetString());

        var course = await SessionAsync(clerk, slug, "Online", 10, "2020-07-01");
        var courseId = course.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await AttendanceAsync(clerk, slug, courseId, 1,
            new { staffId = li, mark = "Present", hours = 3.5 }, new { staffId = zhao, mark = "Present" })).StatusCode);

        Assert.Equal(5.5m, (await HoursOfAsync(clerk, slug, li)).GetProperty("hours").GetDecimal());
        Assert.Equal(10m, (await HoursOfAsync(clerk, slug, zhao)).GetProperty("hours").GetDecimal());

        // Corrected: 赵明亮 was there after all. The hours follow the records; nothing was stored to go stale.
        Assert.Equal(HttpStatusCode.OK, (await AttendanceAsync(clerk, slug, id, 2, new { staffId = li, mark = "Present" }, new { staffId = zhao, mark = "Present" })).StatusCode);
        Assert.Equal(12m, (await HoursOfAsync(clerk, slug, zhao)).GetProperty("hours").GetDecimal());

        // Cancelled with a reason: kept, counted for nobody.
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"{Api(slug)}/study/sessions/{courseId}/cancel", new { version = 1, reason = "重复登记" })).StatusCode);
        var cancelled = await clerk.PostAsJsonAsync($"{Api(slug)}/study/sessions/{courseId}/cancel", new { version = 2, reason = "重复登记" });
        Assert.Equal("Cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(2m, (await HoursOfAsync(clerk, slug, zhao)).GetProperty("hours").GetDecimal());
        Assert.Single((await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug)}/study/sessions?year=2020")).EnumerateArray());
        Assert.Equal(2, (await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug)}/study/sessions?year=2020&includeCancelled=true")).GetArrayLength());
    }

    [Fact]
    public async Task A_session_and_its_attendance_refuse_every_bad_field_at_once()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        var bad = await clerk.PostAsJsonAsync($"{Api(slug)}/study/sessions", new { kind = "Party", topic = "", laws = Array.Empty<string>(), heldOn = "2999-01-01", hours = 0.3, organiser = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["heldOn", "hours", "kind", "laws", "organiser", "topic"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));

        var person = await PersonAsync(clerk, slug, "周婷");
        var session = (await SessionAsync(clerk, slug, "PreMeeting", 1)).GetProperty("id").GetGuid();
        var refused = await AttendanceAsync(clerk, slug, session, 1,
            new { staffId = person, mark = "Other" }, new { staffId = person, mark = "Present", hours = 1 }, new { staffId = Guid.NewGuid(), mark = "Present" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var fields = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("entries[0].note", fields);
        Assert.Contains("entries[1].staffId", fields);
        Assert.Contains("entries[1].hours", fields);
        Assert.Contains("entries[2].staffId", fields);
    }

    [Fact]
    public async Task Materials_are_documents_checked_by_content_and_can_be_removed()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        var session = (await SessionAsync(clerk, slug, "Training", 8)).GetProperty("id").GetGuid();
        var pdf = Convert.ToBase64String(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"));
        var lying = await clerk.PostAsJsonAsync($"{Api(slug)}/study/sessions/{session}/attach", new { version = 1, fileName = "课件.pdf", contentBase64 = Convert.ToBase64String([0x4D, 0x5A, 0x90, 0x00]) });
        Assert.Equal(HttpStatusCode.BadRequest, lying.StatusCode);
        var image = await clerk.PostAsJsonAsync($"{Api(slug)}/study/sessions/{session}/attach", new { version = 1, fileName = "照片.png", contentBase64 = pdf });
        Assert.True((await image.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("fileName", out _));
        var notBase64 = await clerk.PostAsJsonAsync($"{Api(slug)}/study/sessions/{session}/attach", new { version = 1, fileName = "课件.pdf", contentBase64 = "%PDF-1.4 不是编码" });
        Assert.Contains("base64", (await notBase64.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("contentBase64")[0].GetString());
        // Longer than 10 MB can encode: refused for its length by the kit's DocumentFiles.Read, before any decoding (it is not even base64).
        var tooLong = await clerk.PostAsJsonAsync($"{Api(slug)}/study/sessions/{session}/attach", new { version = 1, fileName = "课件.pdf", contentBase64 = new string('*', 14_000_100) });
        Assert.Contains("不能超过 10 MB", (await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("contentBase64")[0].GetString());

        var attached = await clerk.PostAsJsonAsync($"{Api(slug)}/study/sessions/{session}/attach", new { version = 1, fileName = @"C:\材料\行政处罚法讲义.pdf", contentBase64 = pdf });
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        var material = (await attached.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("materials")[0];
        Assert.Equal("行政处罚法讲义.pdf", material.GetProperty("fileName").GetString());
        var download = await clerk.GetAsync($"{Api(slug)}/study/sessions/{session}/materials/{material.GetProperty("id").GetGuid()}");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        var removed = await clerk.PostAsJsonAsync($"{Api(slug)}/study/sessions/{session}/remove-material", new { version = 2, materialId = material.GetProperty("id").GetGuid() });
        Assert.Equal(0, (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("materials").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"{Api(slug)}/study/sessions/{session}/materials/{material.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Another_townships_clerk_finds_no_session_and_cannot_list_their_staff()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        var (_, own, stranger) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        var session = (await SessionAsync(clerk, slug, "AllStaff", 2)).GetProperty("id").GetGuid();
        var person = await PersonAsync(clerk, slug, "杨帆");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Api(slug)}/study/sessions/{session}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Api(own)}/study/sessions/{session}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AttendanceAsync(stranger, own, session, 1, new { staffId = person, mark = "Present" })).StatusCode);

        // In their own township's session, the other township's person is nobody on their roster.
        var theirs = (await SessionAsync(stranger, own, "AllStaff", 2)).GetProperty("id").GetGuid();
        var refused = await AttendanceAsync(stranger, own, theirs, 1, new { staffId = person, mark = "Present" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>($"{Api(own)}/study/hours?year=2020")).EnumerateArray());
    }
}
