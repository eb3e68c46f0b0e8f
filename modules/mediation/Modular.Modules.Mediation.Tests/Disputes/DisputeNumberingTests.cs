using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.Mediation.Tests.Disputes.DisputeScenario;

namespace Modular.Modules.Mediation.Tests.Disputes;

[Collection(MediationCollection.Name)]
public sealed class DisputeNumberingTests(MediationPlatform platform)
{
    [Fact]
    public async Task Eight_clerks_taking_disputes_in_at_the_same_instant_get_eight_numbers_of_their_own()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/disputes", Intake("2026-06-01"))));

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        var numbers = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!));
        Assert.Equal(8, numbers.Distinct().Count());
        Assert.Equal([.. Enumerable.Range(1, 8).Select(i => $"2026-{i:D4}")], numbers.Order(StringComparer.Ordinal));
    }
}
