using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;

namespace Modular.Modules.LegalServices.Tests.LegalAid;

/// <summary>What the legal-aid tests do through the API, once: receive an application, run a step, read the refusal.</summary>
internal static class LegalAidScenario
{
    public const string Liaison = "legal-services.legal-aid-liaison";
    public const string Head = "legal-services.judicial-office-head";
    public const string Clerk = "legal-services.station-clerk";

    public static readonly string ApplicantId = Identities.IdNumber("52052719700312041");
    public const string Phone = "13985012345";
    public const string Address = "野马川镇双河村三组12号";

    public static string Api(string slug) => $"/api/t/{slug}/legal-services/legal-aid";

    public static Dictionary<string, object?> Application(string receivedAt = "2024-03-01 09:30") => new()
    {
        ["receivedAt"] = receivedAt,
        ["applicantName"] = "王桂兰",
        ["applicantIdNumber"] = ApplicantId,
        ["applicantPhone"] = Phone,
        ["applicantAddress"] = Address,
        ["matter"] = "LabourRelationOrWages",
        ["form"] = "LabourMediationArbitration",
        ["means"] = "Pledge",
        ["meansDetails"] = "家庭年收入约8000元，无存款",
        ["summary"] = "在县城工地务工被拖欠工资12600元",
        ["opposingParty"] = "某建筑劳务公司",
        ["materials"] = "法律援助申请表\n身份证复印件",
    };

    public static async Task<JsonElement> ReceiveAsync(HttpClient client, string slug, Dictionary<string, object?>? body = null)
    {
        var response = await client.PostAsJsonAsync(Api(slug), body ?? Application());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string slug, Guid id) => await client.GetFromJsonAsync<JsonElement>($"{Api(slug)}/{id}");

    /// <summary>Runs a step on the version last read and answers the application as it now stands (the step must go through).</summary>
    public static async Task<JsonElement> StepAsync(HttpClient client, string slug, JsonElement application, string step, Dictionary<string, object?> body)
    {
        var response = await PostStepAsync(client, slug, application, step, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<HttpResponseMessage> PostStepAsync(HttpClient client, string slug, JsonElement application, string step, Dictionary<string, object?> body)
    {
        var id = application.GetProperty("id").GetGuid();
        body["version"] = application.GetProperty("version").GetInt64();
        return await client.PostAsJsonAsync($"{Api(slug)}/{id}/{step}", body);
    }

    /// <summary>The errors of a refused step (400), by field.</summary>
    public static async Task<JsonElement> RefusedAsync(HttpClient client, string slug, JsonElement application, string step, Dictionary<string, object?> body)
    {
        var response = await PostStepAsync(client, slug, application, step, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    public static Guid Id(JsonElement application) => application.GetProperty("id").GetGuid();

    public static string State(JsonElement application) => application.GetProperty("state").GetString()!;

    /// <summary>Receive, forward and record the agency's receipt: an application under the agency's review.</summary>
    public static async Task<JsonElement> UnderReviewAsync(HttpClient client, string slug, string receivedAt = "2024-03-01 09:30", string agencyOn = "2024-03-02")
    {
        var a = await ReceiveAsync(client, slug, Application(receivedAt));
        a = await StepAsync(client, slug, a, "forwarding", new() { ["at"] = receivedAt[..10] + " 15:00" });
        return await StepAsync(client, slug, a, "agency-receipt", new() { ["on"] = agencyOn });
    }
}
