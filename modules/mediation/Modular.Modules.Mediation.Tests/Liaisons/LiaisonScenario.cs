using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Modular.Modules.Mediation.Tests.Liaisons;

/// <summary>Keeps the roster and records leads through the API, the way a mediator's client would.</summary>
internal static class LiaisonScenario
{
    public const string Mediator = "mediation.mediator";
    public const string CenterHead = "mediation.center-head";
    public const string Phone = "13912345678";
    public const string MaskedPhone = "139****5678";

    /// <summary>Today in the township's time zone, as the platform's clock reads it.</summary>
    public static DateOnly Today =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> Liaison(string name = "王德明", string village = "野马川村", string role = "VillageCadre") => new()
    {
        ["name"] = name,
        ["village"] = village,
        ["role"] = role,
        ["phone"] = Phone,
        ["appointedOn"] = "2026-01-05",
    };

    public static async Task<Guid> AppointAsync(HttpClient client, string slug, Dictionary<string, object?>? body = null)
    {
        var response = await client.PostAsJsonAsync($"/api/t/{slug}/mediation/liaisons", body ?? Liaison());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await IdAsync(response);
    }

    public static Dictionary<string, object?> Lead(Guid liaisonId, string reportedOn, string risk = "Medium") => new()
    {
        ["liaisonId"] = liaisonId,
        ["reportedOn"] = reportedOn,
        ["account"] = "两户村民因宅基地界址发生争吵",
        ["parties"] = "村民王某、村民赵某",
        ["risk"] = risk,
    };

    public static async Task<Guid> ReportAsync(HttpClient client, string slug, Guid liaisonId, string reportedOn)
    {
        var response = await client.PostAsJsonAsync($"/api/t/{slug}/mediation/leads", Lead(liaisonId, reportedOn));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await IdAsync(response);
    }

    public static async Task<JsonElement> GetLiaisonAsync(HttpClient client, string slug, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/liaisons/{id}");

    public static async Task<JsonElement> GetLeadAsync(HttpClient client, string slug, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/leads/{id}");

    /// <summary>Closes a lead with the version just read, unless the body names one.</summary>
    public static async Task<HttpResponseMessage> PostClosureAsync(HttpClient client, string slug, Guid id, Dictionary<string, object?> body)
    {
        body.TryAdd("version", (await GetLeadAsync(client, slug, id)).GetProperty("version").GetInt64());
        return await client.PostAsJsonAsync($"/api/t/{slug}/mediation/leads/{id}/closure", body);
    }

    public static async Task<JsonElement> CloseAsync(HttpClient client, string slug, Guid id, string on, string reason = "ResolvedOnTheSpot", string? note = null)
    {
        var response = await PostClosureAsync(client, slug, id, new() { ["on"] = on, ["reason"] = reason, ["note"] = note });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
}
