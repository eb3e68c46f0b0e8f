using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Modular.Modules.OpenGovernment.Tests.DisclosureRequests;

/// <summary>Files and handles disclosure requests through the API, the way a clerk's client would.</summary>
internal static class RequestScenario
{
    public const string Phone = "13812345678";
    public const string Address = "贵州省毕节市赫章县野马川镇新街32号";

    /// <summary>A valid GB 11643 number: the check character computed from the 17 digits.</summary>
    public static string IdNumber(string first17 = "52052719850312041") => Modular.Testing.Identities.IdNumber(first17);

    /// <summary>A valid GB 32100 unified social credit code.</summary>
    public static string CreditCode(string first17 = "91520527MA6H2K3L1")
    {
        const string chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = first17.Select((c, i) => chars.IndexOf(c, StringComparison.Ordinal) * weights[i]).Sum();
        return first17 + chars[(31 - (sum % 31)) % 31];
    }

    public static Dictionary<string, object?> Person(string channel = "InPerson", string? submittedOn = "2026-09-24", string? signedForOn = null, string? confirmedOn = null) => new()
    {
        ["requesterType"] = "NaturalPerson",
        ["name"] = "王小明",
        ["idType"] = "ResidentIdCard",
        ["idNumber"] = IdNumber(),
        ["phone"] = Phone,
        ["address"] = Address,
        ["description"] = "2026年野马川镇农村危房改造补助资金发放名单",
        ["form"] = "Paper",
        ["delivery"] = "Post",
        ["channel"] = channel,
        ["submittedOn"] = submittedOn,
        ["signedForOn"] = signedForOn,
        ["confirmedOn"] = confirmedOn,
    };

    public static Dictionary<string, object?> Organisation(string type, string on) => new()
    {
        ["requesterType"] = type,
        ["name"] = "赫章县某某农业开发有限公司",
        ["organisationCode"] = CreditCode(),
        ["legalRepresentative"] = "李四",
        ["phone"] = "0857-3221234",
        ["description"] = "野马川镇2026年土地流转合同备案情况",
        ["form"] = "Electronic",
        ["delivery"] = "Collect",
        ["channel"] = "InPerson",
        ["submittedOn"] = on,
    };

    /// <summary>Enters a request as staff; returns its id and tracking number.</summary>
    public static async Task<(Guid Id, string Number)> EnterAsync(HttpClient clerk, string slug, Dictionary<string, object?> body)
    {
        var response = await clerk.PostAsJsonAsync($"/api/t/{slug}/open-government/requests", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var filed = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (filed.GetProperty("id").GetGuid(), filed.GetProperty("number").GetString()!);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string slug, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/requests/{id}");

    /// <summary>Runs one step with the version just read; asserts it succeeded and returns the request as it now stands.</summary>
    public static async Task<JsonElement> StepAsync(HttpClient clerk, string slug, Guid id, string step, Dictionary<string, object?> body)
    {
        var response = await PostStepAsync(clerk, slug, id, step, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<HttpResponseMessage> PostStepAsync(HttpClient clerk, string slug, Guid id, string step, Dictionary<string, object?> body)
    {
        var current = await GetAsync(clerk, slug, id);
        body.TryAdd("version", current.GetProperty("version").GetInt64());
        return await clerk.PostAsJsonAsync($"/api/t/{slug}/open-government/requests/{id}/{step}", body);
    }

    public static Task<JsonElement> AnswerAsync(HttpClient clerk, string slug, Guid id, string category, string? reason, string answeredOn = "2026-10-20") =>
        StepAsync(clerk, slug, id, "reply", new() { ["answeredOn"] = answeredOn, ["category"] = category, ["reason"] = reason, ["text"] = "经审查，答复如下。" });

    public static string? Due(JsonElement request) =>
        request.GetProperty("replyDueOn").ValueKind == JsonValueKind.Null ? null : request.GetProperty("replyDueOn").GetString();

    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }
}
