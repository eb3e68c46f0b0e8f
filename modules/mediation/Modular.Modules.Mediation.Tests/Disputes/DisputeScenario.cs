using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Modules.Mediation.Tests.Petitions;

namespace Modular.Modules.Mediation.Tests.Disputes;

/// <summary>Takes disputes in and mediates them through the API, the way a mediator's client would.</summary>
internal static class DisputeScenario
{
    public const string Mediator = "mediation.mediator";
    public const string CenterHead = "mediation.center-head";
    public const string Phone = "13987654321";

    public static readonly string ApplicantId = PetitionScenario.IdNumber("52052719700101002");

    public static Dictionary<string, object?> Intake(string receivedOn, string category = "Neighbours") => new()
    {
        ["source"] = "Visit",
        ["receivedOn"] = receivedOn,
        ["category"] = category,
        ["village"] = "双河村",
        ["summary"] = "两户因宅基地排水沟走向发生争执",
        ["risk"] = "Medium",
        ["specialGroups"] = new[] { "ElderlyLivingAlone" },
        ["parties"] = new object[]
        {
            new Dictionary<string, object?> { ["name"] = "刘德华", ["role"] = "Applicant", ["idNumber"] = ApplicantId, ["phone"] = Phone, ["address"] = "野马川镇双河村三组12号" },
            new Dictionary<string, object?> { ["name"] = "张学友", ["role"] = "Respondent" },
        },
    };

    public static async Task<Guid> TakeInAsync(HttpClient mediator, string slug, string receivedOn, string category = "Neighbours")
    {
        var response = await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes", Intake(receivedOn, category));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string slug, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes/{id}");

    public static async Task<JsonElement> StepAsync(HttpClient mediator, string slug, Guid id, string step, Dictionary<string, object?> body)
    {
        var response = await PostStepAsync(mediator, slug, id, step, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<HttpResponseMessage> PostStepAsync(HttpClient mediator, string slug, Guid id, string step, Dictionary<string, object?> body)
    {
        var current = await GetAsync(mediator, slug, id);
        body.TryAdd("version", current.GetProperty("version").GetInt64());
        return await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes/{id}/{step}", body);
    }

    /// <summary>Starts mediation on application, assigns a mediator and holds one session.</summary>
    public static async Task<JsonElement> ToMediationAsync(HttpClient mediator, string slug, Guid id, string on)
    {
        await StepAsync(mediator, slug, id, "start", new() { ["on"] = on, ["basis"] = "Application", ["appliedBy"] = "刘德华" });
        await StepAsync(mediator, slug, id, "mediator", new() { ["on"] = on, ["mediator"] = "王德明" });
        return await StepAsync(mediator, slug, id, "session", new()
        {
            ["on"] = on,
            ["place"] = "镇人民调解委员会调解室",
            ["participants"] = "双方当事人、调解员",
            ["record"] = "双方陈述，调解员释法说理。",
        });
    }

    public static Dictionary<string, object?> Agreement(string on) => new()
    {
        ["on"] = on,
        ["facts"] = "两户房屋相邻，排水沟经申请人院坝。",
        ["matters"] = "排水沟走向",
        ["responsibilities"] = "双方均有责任。",
        ["terms"] = "被申请人将排水沟改道至两户界址以东，费用各半承担。",
        ["performance"] = "2026年6月30日前完成改道。",
    };

    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response) => await PetitionScenario.ErrorsAsync(response);
}
