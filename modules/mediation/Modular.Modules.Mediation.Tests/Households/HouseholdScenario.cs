using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Modules.Mediation.Tests.Petitions;

namespace Modular.Modules.Mediation.Tests.Households;

/// <summary>Keeps households through the API, the way a registrar's client would.</summary>
internal static class HouseholdScenario
{
    public const string Registrar = "mediation.household-registrar";
    public const string Mediator = "mediation.mediator";
    public const string Phone = "13987654321";
    public const string Address = "贵州省毕节市赫章县野马川镇双河村三组17号";

    /// <summary>A valid GB 11643 number for the person numbered <paramref name="serial"/>, born in 1970 + serial % 40.</summary>
    public static string IdNumber(int serial = 1) =>
        PetitionScenario.IdNumber($"520527{1970 + (serial % 40)}0{1 + (serial % 9)}1{serial % 10}{serial % 1000:D3}");

    public static Dictionary<string, object?> Member(string name, string relation, string idNumber, params string[] specialGroups) => new()
    {
        ["name"] = name,
        ["relation"] = relation,
        ["idNumber"] = idNumber,
        ["phone"] = Phone,
        ["education"] = "JuniorHigh",
        ["occupation"] = "务农",
        ["maritalStatus"] = "Married",
        ["incomeBand"] = "Under30000",
        ["specialGroups"] = specialGroups,
    };

    public static Dictionary<string, object?> Household(string headName = "张三", string? headId = null, string village = "双河村") => new()
    {
        ["village"] = village,
        ["group"] = "三组",
        ["address"] = Address,
        ["head"] = Member(headName, "Head", headId ?? IdNumber()),
    };

    public static async Task<(Guid Id, string Number)> RegisterAsync(HttpClient registrar, string slug, string headName = "张三", string? headId = null, string village = "双河村")
    {
        var response = await registrar.PostAsJsonAsync($"/api/t/{slug}/mediation/households", Household(headName, headId, village));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("number").GetString()!);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string slug, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/households/{id}");

    public static Guid MemberId(JsonElement household, string name) =>
        household.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();

    /// <summary>Sends one change with the version just read (unless the body names one).</summary>
    public static async Task<HttpResponseMessage> ChangeAsync(HttpClient client, string slug, Guid id, HttpMethod method, string path, Dictionary<string, object?> body)
    {
        body.TryAdd("version", (await GetAsync(client, slug, id)).GetProperty("version").GetInt64());
        using var request = new HttpRequestMessage(method, $"/api/t/{slug}/mediation/households/{id}{path}") { Content = JsonContent.Create(body) };
        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> ChangedAsync(HttpClient client, string slug, Guid id, HttpMethod method, string path, Dictionary<string, object?> body)
    {
        var response = await ChangeAsync(client, slug, id, method, path, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> RevealAsync(HttpClient client, string slug, Guid id, Guid memberId, string field, string? reason) =>
        client.PostAsJsonAsync($"/api/t/{slug}/mediation/households/{id}/members/{memberId}/reveal", new { field, reason });
}
