using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.LegalServices.Tests.Consultations.ConsultationScenario;

namespace Modular.Modules.LegalServices.Tests.Consultations;

/// <summary>
/// A consultation routed to people's mediation reaches the mediation module as a lead to confirm, with the person, the
/// village, the topic and the question, where mediation is enabled; where it is not, nothing arrives and nothing fails,
/// and enabling it later does not bring the earlier routing in.
/// </summary>
public sealed class RoutingToMediationTests(LegalServicesAndMediationPlatform platform) : IClassFixture<LegalServicesAndMediationPlatform>
{
    [Fact]
    public async Task A_consultation_routed_to_people_s_mediation_arrives_as_an_open_lead_naming_the_station()
    {
        var (_, slug, user) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module, LegalServicesAndMediationPlatform.Mediation],
            LegalServicesPlatform.Clerk, LegalServicesAndMediationPlatform.Mediator);
        var number = await RouteAsync(user, slug);

        var lead = await WaitForLeadAsync(user, slug);
        Assert.Equal("Reported", lead.GetProperty("state").GetString());
        Assert.Equal("双河村", lead.GetProperty("village").GetString());
        Assert.Equal("刘德华", lead.GetProperty("parties").GetString());
        Assert.Contains("婚姻家庭", lead.GetProperty("account").GetString());
        Assert.Contains("离婚时子女抚养权如何确定？", lead.GetProperty("account").GetString());
        Assert.Contains(number, lead.GetProperty("referredFrom").GetString());
        Assert.Equal("139****4321", lead.GetProperty("contactPhone").GetString());
        Assert.DoesNotContain(Phone, lead.GetRawText());
        Assert.DoesNotContain(IdNumber, lead.GetRawText());

        // Nobody's dispute yet: a mediator confirms it at intake, filled from the lead.
        Assert.Equal(0, (await user.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/disputes")).GetProperty("total").GetInt64());
        var intake = await user.GetStringAsync($"/t/{slug}/mediation/disputes/new?lead={lead.GetProperty("id").GetGuid()}");
        Assert.Contains("离婚时子女抚养权如何确定？", intake);
    }

    [Fact]
    public async Task Without_mediation_in_the_township_the_routing_is_recorded_nothing_arrives_and_enabling_it_later_brings_nothing_in()
    {
        var (admin, slug, user) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], LegalServicesPlatform.Clerk, LegalServicesAndMediationPlatform.Mediator);
        await RouteAsync(user, slug);

        // A later routing in another township arriving proves the relay has passed this township's event.
        var (_, witness, witnessUser) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module, LegalServicesAndMediationPlatform.Mediation],
            LegalServicesPlatform.Clerk, LegalServicesAndMediationPlatform.Mediator);
        await RouteAsync(witnessUser, witness);
        await WaitForLeadAsync(witnessUser, witness);
        await Scenario.SetModuleAsync(admin, slug, LegalServicesAndMediationPlatform.Mediation, true);

        Assert.Equal(0, (await user.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/leads")).GetArrayLength());
        Assert.Equal("Routed", (await user.GetFromJsonAsync<JsonElement>(Api(slug))).GetProperty("rows")[0].GetProperty("state").GetString());
    }

    private static async Task<string> RouteAsync(HttpClient user, string slug)
    {
        var c = await RegisterAsync(user, slug, "2020-06-01T09:00");
        await StepAsync(user, slug, c, "routing", new() { ["at"] = "2020-06-01T09:30", ["window"] = "PeopleMediation", ["note"] = "邻里纠纷，请调解" });
        return c.GetProperty("number").GetString()!;
    }

    private static async Task<JsonElement> WaitForLeadAsync(HttpClient user, string slug)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            var leads = await user.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/leads");
            if (leads.GetArrayLength() > 0)
            {
                return leads[0];
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The routed consultation never reached mediation's leads.");
    }
}
