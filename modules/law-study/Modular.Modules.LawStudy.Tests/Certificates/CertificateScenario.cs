using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Kit;
using Modular.Testing;

namespace Modular.Modules.LawStudy.Tests.Certificates;

/// <summary>A township's enforcement officers and their certificates, through the API as the supervisor enters them.</summary>
internal static class CertificateScenario
{
    public const string Area = "测试镇";

    /// <summary>A user who keeps the roster and supervises enforcement (the two roles a small township gives one clerk).</summary>
    public static Task<(HttpClient Admin, string Slug, HttpClient Supervisor)> TownshipAsync(PlatformFactory platform) =>
        platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk, LawStudyPlatform.EnforcementSupervisor);

    public static DateOnly Today(PlatformFactory platform) => TownshipTime.Today(platform.Clock);

    public static async Task<Guid> OfficerAsync(HttpClient clerk, string slug, string name, string? userName = null, string? idNumber = null)
    {
        var created = await clerk.PostAsJsonAsync($"/api/t/{slug}/law-study/staff", new
        {
            name,
            department = "综合行政执法办公室",
            post = "城管执法",
            enforcementPost = true,
            userName,
            idNumber,
            phone = "13985701234",
            joinedOn = "2019-01-02",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static Task<HttpResponseMessage> IssueAsync(HttpClient supervisor, string slug, Guid holder, string number, string issuedOn, string? expiresOn = null,
        string[]? categories = null, string area = Area) =>
        supervisor.PostAsJsonAsync($"/api/t/{slug}/law-study/certificates", new
        {
            number,
            holderId = holder,
            body = "测试镇人民政府",
            categories = categories ?? ["市容环境卫生", "城乡规划"],
            area,
            issuedOn,
            expiresOn,
        });

    public static async Task<JsonElement> IssuedAsync(HttpClient supervisor, string slug, Guid holder, string number, string issuedOn, string? expiresOn = null,
        string[]? categories = null, string area = Area)
    {
        var response = await IssueAsync(supervisor, slug, holder, number, issuedOn, expiresOn, categories, area);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> StepAsync(HttpClient supervisor, string slug, JsonElement certificate, string step, string on, string reason = "测试")
    {
        var response = await supervisor.PostAsJsonAsync($"/api/t/{slug}/law-study/certificates/{certificate.GetProperty("id").GetGuid()}/{step}",
            new { version = certificate.GetProperty("version").GetInt64(), on, reason });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string Number() => "CS" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
