using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Modular.Modules.LawStudy.Tests.Study;

/// <summary>Puts people on a township's roster and records sessions through the API, as a clerk would.</summary>
internal static class StudyScenario
{
    public static string Api(string slug) => $"/api/t/{slug}/law-study";

    public static async Task<Guid> PersonAsync(HttpClient clerk, string slug, string name, string post = "综合文秘", string? userName = null, string department = "党政办公室")
    {
        var created = await clerk.PostAsJsonAsync($"{Api(slug)}/staff", new { name, department, post, enforcementPost = false, userName, joinedOn = "2020-01-02" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> SessionAsync(HttpClient clerk, string slug, string kind, decimal hours, string heldOn = "2020-06-18")
    {
        var created = await clerk.PostAsJsonAsync($"{Api(slug)}/study/sessions", new
        {
            kind,
            topic = "学习民法典",
            laws = new[] { "《中华人民共和国民法典》" },
            heldOn,
            hours,
            organiser = "党政办公室",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return await created.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> AttendanceAsync(HttpClient clerk, string slug, Guid session, long version, params object[] entries) =>
        clerk.PostAsJsonAsync($"{Api(slug)}/study/sessions/{session}/attendance", new { version, entries });

    public static async Task<JsonElement> HoursOfAsync(HttpClient reader, string slug, Guid person, int year = 2020) =>
        (await reader.GetFromJsonAsync<JsonElement>($"{Api(slug)}/study/hours?year={year}")).EnumerateArray().Single(p => p.GetProperty("staffId").GetGuid() == person);
}
