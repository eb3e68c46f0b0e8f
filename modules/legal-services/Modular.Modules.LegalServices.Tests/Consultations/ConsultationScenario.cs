using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;

namespace Modular.Modules.LegalServices.Tests.Consultations;

/// <summary>A host with legal services and mediation installed: a consultation routed to the people's mediation window.</summary>
public sealed class LegalServicesAndMediationPlatform() : PlatformFactory(Plugins)
{
    public const string Mediation = "mediation";
    public const string Mediator = "mediation.mediator";

    public static string Plugins => TestPlugins.Set("legal-services-and-mediation", "Modular.Modules.LegalServices", "Modular.Modules.Mediation");
}

/// <summary>The same, on a real socket, for Chromium.</summary>
public sealed class LegalServicesAndMediationBrowserPlatform() : PlatformFactory(LegalServicesAndMediationPlatform.Plugins, kestrel: true);

/// <summary>What the consultation tests share: a registration, a step, the errors of a refusal.</summary>
internal static class ConsultationScenario
{
    public const string Phone = "13987654321";
    public const string Address = "双河村三组12号";
    public static readonly string IdNumber = Identities.IdNumber("52052719700101002");

    public static string Api(string slug) => $"/api/t/{slug}/legal-services/consultations";

    public static Dictionary<string, object?> WalkIn(string receivedAt, string channel = "Hall") => new()
    {
        ["channel"] = channel,
        ["topic"] = "MarriageFamily",
        ["name"] = "刘德华",
        ["idNumber"] = IdNumber,
        ["phone"] = Phone,
        ["village"] = "双河村",
        ["address"] = Address,
        ["question"] = "离婚时子女抚养权如何确定？",
        ["receivedAt"] = receivedAt,
    };

    public static async Task<JsonElement> RegisterAsync(HttpClient clerk, string slug, string receivedAt, string channel = "Hall")
    {
        var response = await clerk.PostAsJsonAsync(Api(slug), WalkIn(receivedAt, channel));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> PostStepAsync(HttpClient clerk, string slug, JsonElement consultation, string step, Dictionary<string, object?> body)
    {
        body["version"] = consultation.GetProperty("version").GetInt64();
        return clerk.PostAsJsonAsync($"{Api(slug)}/{consultation.GetProperty("id").GetGuid()}/{step}", body);
    }

    public static async Task<JsonElement> StepAsync(HttpClient clerk, string slug, JsonElement consultation, string step, Dictionary<string, object?> body)
    {
        var response = await PostStepAsync(clerk, slug, consultation, step, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    public static string Now(PlatformFactory platform, double hoursAgo = 0) =>
        Modular.Kit.Time.Instants.ForInput(platform.Clock.GetUtcNow().AddHours(-hoursAgo));
}
