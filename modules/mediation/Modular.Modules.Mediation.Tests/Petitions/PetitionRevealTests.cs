using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.Mediation.Tests.Petitions.PetitionScenario;

namespace Modular.Modules.Mediation.Tests.Petitions;

[Collection(MediationCollection.Name)]
public sealed class PetitionRevealTests(MediationPlatform platform)
{
    [Fact]
    public async Task Only_the_center_head_reveals_a_petitioners_phone_with_a_reason_and_the_township_admin_sees_it()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var head = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, "mediation.center-head"), Scenario.Password);
        var id = await RegisterAsync(clerk, slug, "2026-05-28");

        var byClerk = await clerk.PostAsJsonAsync($"/api/t/{slug}/mediation/petitions/{id}/reveal", new { field = "PhoneNumber", reason = "回访" });
        var noReason = await head.PostAsJsonAsync($"/api/t/{slug}/mediation/petitions/{id}/reveal", new { field = "PhoneNumber" });
        var revealed = await head.PostAsJsonAsync($"/api/t/{slug}/mediation/petitions/{id}/reveal", new { field = "PhoneNumber", reason = "电话告知受理结果" });

        Assert.Equal(HttpStatusCode.Forbidden, byClerk.StatusCode);
        Assert.Contains("reason", (await ErrorsAsync(noReason)).Keys);
        Assert.Equal(Phone, (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
        var audit = await admin.GetStringAsync($"/t/{slug}/admin");
        Assert.Contains("电话告知受理结果", audit);
        Assert.Contains("张大山", audit);
        Assert.DoesNotContain(Phone, audit);
    }
}
