using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Modular.Modules.Mediation.Tests.Petitions;

/// <summary>Registers and handles petitions through the API, the way a petition clerk's client would.</summary>
internal static class PetitionScenario
{
    public const string Clerk = "mediation.petition-clerk";
    public const string Phone = "13812345678";

    /// <summary>A valid GB 11643 number: the check character computed from the 17 digits.</summary>
    public static string IdNumber(string first17 = "52052719850312041") => Modular.Testing.Identities.IdNumber(first17);

    public static Dictionary<string, object?> Transferred(string receivedOn) => new()
    {
        ["channel"] = "Transferred",
        ["receivedOn"] = receivedOn,
        ["transferringOffice"] = "赫章县信访局",
        ["transferReference"] = "赫信转〔2026〕12号",
        ["name"] = "张大山",
        ["idNumber"] = IdNumber(),
        ["phone"] = Phone,
        ["address"] = "贵州省毕节市赫章县野马川镇新街32号",
        ["matter"] = "反映承包地被占用未获补偿",
    };

    public static async Task<Guid> RegisterAsync(HttpClient clerk, string slug, string receivedOn)
    {
        var response = await clerk.PostAsJsonAsync($"/api/t/{slug}/mediation/petitions", Transferred(receivedOn));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string slug, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/petitions/{id}");

    /// <summary>Runs one step with the version just read; asserts it succeeded and returns the petition as it now stands.</summary>
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
        return await clerk.PostAsJsonAsync($"/api/t/{slug}/mediation/petitions/{id}/{step}", body);
    }

    /// <summary>Accepts, classifies and starts the investigation of a petition.</summary>
    public static async Task<JsonElement> ToInvestigationAsync(HttpClient clerk, string slug, Guid id, string acceptedOn, string category = "Claim")
    {
        await StepAsync(clerk, slug, id, "acceptance", new() { ["on"] = acceptedOn });
        await StepAsync(clerk, slug, id, "classification", new() { ["on"] = acceptedOn, ["category"] = category });
        return await StepAsync(clerk, slug, id, "investigation", new() { ["on"] = acceptedOn, ["investigator"] = "李明" });
    }

    public static Task<JsonElement> OpinionAsync(HttpClient clerk, string slug, Guid id, string on) =>
        StepAsync(clerk, slug, id, "opinion", new() { ["on"] = on, ["outcome"] = "Explained", ["text"] = "经核实，占地补偿已按标准发放。", ["basis"] = "《土地管理法》第四十八条" });

    public static string? Date(JsonElement petition, string property) =>
        petition.GetProperty(property).ValueKind == JsonValueKind.Null ? null : petition.GetProperty(property).GetString();

    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }
}
