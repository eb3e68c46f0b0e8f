using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Modular.Testing;
using static Modular.Modules.Mediation.Tests.Petitions.PetitionScenario;

namespace Modular.Modules.Mediation.Tests.Petitions;

[Collection(MediationCollection.Name)]
public sealed class PetitionWorkflowTests(MediationPlatform platform)
{
    [Fact]
    public async Task A_petition_goes_from_registration_through_two_reviews_to_final()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var id = await RegisterAsync(clerk, slug, "2026-05-28");
        await ToInvestigationAsync(clerk, slug, id, "2026-06-01");
        await OpinionAsync(clerk, slug, id, "2026-07-10");
        var review = await StepAsync(clerk, slug, id, "review-request", new() { ["on"] = "2026-08-01" });
        Assert.Equal("UnderReview", review.GetProperty("state").GetString());
        await StepAsync(clerk, slug, id, "review-decision", new() { ["on"] = "2026-08-20", ["outcome"] = "NotSupported", ["text"] = "维持原处理意见。" });
        await StepAsync(clerk, slug, id, "review-request", new() { ["on"] = "2026-09-10" });
        var final = await StepAsync(clerk, slug, id, "review-decision", new() { ["on"] = "2026-10-09", ["outcome"] = "NotSupported", ["text"] = "复核维持。" });

        Assert.Equal("Final", final.GetProperty("state").GetString());
        var again = await PostStepAsync(clerk, slug, id, "review-request", new() { ["on"] = "2026-10-10" });
        Assert.Contains("state", (await ErrorsAsync(again)).Keys);
        var timeline = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/petitions/{id}/timeline");
        Assert.Equal(9, timeline.GetArrayLength());
        Assert.All(timeline.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("by").GetString())));
    }

    [Fact]
    public async Task An_opinion_before_acceptance_is_refused_with_a_clear_message()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var id = await RegisterAsync(clerk, slug, "2026-05-28");

        var response = await PostStepAsync(clerk, slug, id, "opinion", new() { ["on"] = "2026-06-10", ["outcome"] = "Supported", ["text"] = "支持。", ["basis"] = "依据" });

        Assert.Contains("已登记，待受理", string.Join(" ", (await ErrorsAsync(response))["state"]));
        Assert.Equal("Registered", (await GetAsync(clerk, slug, id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Only_a_claim_is_redirected_to_another_procedure_and_then_it_is_closed()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var suggestion = await RegisterAsync(clerk, slug, "2026-05-28");
        var claim = await RegisterAsync(clerk, slug, "2026-05-28");
        foreach (var (id, category) in new[] { (suggestion, "Suggestion"), (claim, "Claim") })
        {
            await StepAsync(clerk, slug, id, "acceptance", new() { ["on"] = "2026-06-01" });
            await StepAsync(clerk, slug, id, "classification", new() { ["on"] = "2026-06-01", ["category"] = category });
        }

        var refused = await PostStepAsync(clerk, slug, suggestion, "redirection", new() { ["on"] = "2026-06-02", ["procedure"] = "民事诉讼", ["text"] = "告知向法院起诉" });
        var redirected = await StepAsync(clerk, slug, claim, "redirection", new() { ["on"] = "2026-06-02", ["procedure"] = "劳动仲裁", ["text"] = "告知向县劳动人事争议仲裁委员会申请仲裁" });

        Assert.Contains("state", (await ErrorsAsync(refused)).Keys);
        Assert.Equal("Redirected", redirected.GetProperty("state").GetString());
        Assert.False(redirected.GetProperty("isOpen").GetBoolean());
    }

    [Fact]
    public async Task A_stale_version_answers_409()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var id = await RegisterAsync(clerk, slug, "2026-05-28");
        var read = (await GetAsync(clerk, slug, id)).GetProperty("version").GetInt64();
        await StepAsync(clerk, slug, id, "acceptance", new() { ["on"] = "2026-06-01" });

        var stale = await clerk.PostAsJsonAsync($"/api/t/{slug}/mediation/petitions/{id}/classification", new { version = read, on = "2026-06-01", category = "Claim" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task The_written_opinion_is_a_Word_document_with_the_review_right()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var id = await RegisterAsync(clerk, slug, "2026-05-28");
        await ToInvestigationAsync(clerk, slug, id, "2026-06-01");
        await OpinionAsync(clerk, slug, id, "2026-07-10");

        var response = await clerk.GetAsync($"/api/t/{slug}/mediation/petitions/{id}/opinion.docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var document = WordprocessingDocument.Open(stream, false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("信访事项处理意见书", text);
        Assert.Contains("30日内请求", text);
        Assert.Contains("《土地管理法》第四十八条", text);
    }

    [Fact]
    public async Task Identity_and_phone_numbers_are_masked_in_the_API()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var id = await RegisterAsync(clerk, slug, "2026-05-28");

        var raw = await clerk.GetStringAsync($"/api/t/{slug}/mediation/petitions/{id}");
        var list = await clerk.GetStringAsync($"/api/t/{slug}/mediation/petitions");

        foreach (var body in new[] { raw, list })
        {
            Assert.DoesNotContain(IdNumber(), body);
            Assert.DoesNotContain(Phone, body);
        }

        var petitioner = (await GetAsync(clerk, slug, id)).GetProperty("petitioner");
        Assert.StartsWith("520527", petitioner.GetProperty("idNumber").GetString());
        Assert.EndsWith(IdNumber()[^4..], petitioner.GetProperty("idNumber").GetString());
    }

    [Fact]
    public async Task A_bad_registration_names_every_bad_field_and_writes_nothing()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var body = Transferred("2026-05-28");
        body["idNumber"] = "520527198503120410";
        body["name"] = "";
        body["transferReference"] = null;

        var response = await clerk.PostAsJsonAsync($"/api/t/{slug}/mediation/petitions", body);

        var errors = await ErrorsAsync(response);
        Assert.Contains("idNumber", errors.Keys);
        Assert.Contains("name", errors.Keys);
        Assert.Contains("transferReference", errors.Keys);
        Assert.Equal(0, (await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/petitions")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Another_townships_staff_get_404_for_reads_and_writes()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var id = await RegisterAsync(clerk, slug, "2026-05-28");
        var other = await Scenario.CreateTownshipAsync(admin, MediationPlatform.Module);
        var stranger = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, other, Clerk), Scenario.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/t/{other}/mediation/petitions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/t/{other}/mediation/petitions/{id}/opinion.docx")).StatusCode);
        var write = await stranger.PostAsJsonAsync($"/api/t/{other}/mediation/petitions/{id}/acceptance", new { version = 1, on = "2026-06-01" });
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync($"/api/t/{slug}/mediation/petitions/{id}")).StatusCode);
        Assert.Equal("Registered", (await GetAsync(clerk, slug, id)).GetProperty("state").GetString());
    }
}
