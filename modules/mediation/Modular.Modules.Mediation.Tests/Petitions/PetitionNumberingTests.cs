using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.Mediation.Tests.Petitions.PetitionScenario;

namespace Modular.Modules.Mediation.Tests.Petitions;

[Collection(MediationCollection.Name)]
public sealed class PetitionNumberingTests(MediationPlatform platform)
{
    [Fact]
    public async Task Eight_petitions_registered_at_the_same_instant_get_eight_tracking_numbers_of_their_own()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => clerk.PostAsJsonAsync($"/api/t/{slug}/mediation/petitions", Transferred("2026-05-28"))));

        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        var numbers = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!));
        Assert.Equal([.. Enumerable.Range(1, 8).Select(i => $"2026-{i:D4}")], numbers.Order(StringComparer.Ordinal));
    }
}
