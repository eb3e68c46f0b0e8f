using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.LegalServices.Tests.LegalAid.LegalAidScenario;

namespace Modular.Modules.LegalServices.Tests.LegalAid;

/// <summary>A reveal of an applicant's means is recorded as what it is: a reveal of means, in the township's log and the county's audit.</summary>
[Collection(LegalServicesCollection.Name)]
public sealed class MeansRevealTests(LegalServicesPlatform platform)
{
    [Fact]
    public async Task Revealing_the_means_details_is_recorded_as_a_means_reveal_for_the_township_admin_and_the_county_s_security_audit()
    {
        var (admin, slug, head) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], Head, Liaison);
        var a = await ReceiveAsync(head, slug);

        var means = await (await head.PostAsJsonAsync($"{Api(slug)}/{Id(a)}/means/reveal", new { reason = "复核经济状况" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("MeansDetails", means.GetProperty("field").GetString());
        var townshipAdmin = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, "township-admin"), Scenario.Password);
        var log = await townshipAdmin.GetStringAsync($"/t/{slug}/admin");
        Assert.Contains("data-kind=\"Means\"", log, StringComparison.Ordinal);
        Assert.Contains("经济困难状况 / Means · ******", log, StringComparison.Ordinal);
        Assert.DoesNotContain("data-kind=\"FullExport\"", log, StringComparison.Ordinal);
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?event=reveal&take=500");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("detail").GetString()!.StartsWith($"{slug}: ", StringComparison.Ordinal)
            && e.GetProperty("detail").GetString()!.Contains("经济困难状况", StringComparison.Ordinal));
        var page = await admin.GetStringAsync("/admin/audit?event=reveal");
        Assert.Contains("经济困难状况", page, StringComparison.Ordinal);
    }
}
