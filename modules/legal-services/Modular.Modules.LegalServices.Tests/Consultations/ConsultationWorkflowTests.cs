using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.LegalServices.Tests.Consultations.ConsultationScenario;

namespace Modular.Modules.LegalServices.Tests.Consultations;

/// <summary>The register's steps through the API, as the station clerk meets them. Each test sets up its own township.</summary>
[Collection(LegalServicesCollection.Name)]
public sealed class ConsultationWorkflowTests(LegalServicesPlatform platform)
{
    [Fact]
    public async Task A_walk_in_is_registered_once_numbered_within_its_year_and_answered_on_the_spot()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], LegalServicesPlatform.Clerk);
        var c = await RegisterAsync(clerk, slug, "2020-03-02T09:30");
        Assert.Equal("2020-0001", c.GetProperty("number").GetString());
        Assert.Equal("Registered", c.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, c.GetProperty("deadline").ValueKind);
        Assert.Equal("2020-0002", (await RegisterAsync(clerk, slug, "2020-03-02T10:00")).GetProperty("number").GetString());

        var answered = await StepAsync(clerk, slug, c, "answer", new() { ["at"] = "2020-03-02T09:50", ["answer"] = "以最有利于未成年子女为原则。" });
        Assert.Equal("Answered", answered.GetProperty("state").GetString());
        Assert.False(answered.GetProperty("isOpen").GetBoolean());
        Assert.Empty(answered.GetProperty("allowed").EnumerateArray());

        // Out of turn: the state error names the state it needs.
        var again = await PostStepAsync(clerk, slug, answered, "routing", new() { ["at"] = "2020-03-02T10:00", ["window"] = "LegalAid", ["note"] = "申请援助" });
        Assert.True((await ErrorsAsync(again)).TryGetProperty("state", out _));

        // A stale version is a conflict that names the version now.
        var stale = await PostStepAsync(clerk, slug, c, "answer", new() { ["at"] = "2020-03-02T09:55", ["answer"] = "再答" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var timeline = await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug)}/{c.GetProperty("id").GetGuid()}/timeline");
        Assert.Equal(2, timeline.GetArrayLength());
        Assert.DoesNotContain(Phone, timeline.GetRawText());
    }

    [Fact]
    public async Task A_letter_gets_a_written_opinion_later_and_stays_open_until_it_is_given()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], LegalServicesPlatform.Clerk);
        var c = await RegisterAsync(clerk, slug, "2020-05-11T09:00", "Letter");
        var promised = await StepAsync(clerk, slug, c, "written-opinion-later", new() { ["at"] = "2020-05-11T11:00", ["note"] = "需查阅材料" });
        Assert.Equal("AwaitingOpinion", promised.GetProperty("state").GetString());
        Assert.True(promised.GetProperty("isOpen").GetBoolean());
        Assert.Equal(["written-opinion", "routing"], promised.GetProperty("allowed").EnumerateArray().Select(s => s.GetString()));

        var early = await PostStepAsync(clerk, slug, promised, "written-opinion", new() { ["at"] = "2020-05-11T10:00" });
        var errors = await ErrorsAsync(early);
        Assert.True(errors.TryGetProperty("at", out _));
        Assert.True(errors.TryGetProperty("opinion", out _));

        var given = await StepAsync(clerk, slug, promised, "written-opinion", new() { ["at"] = "2020-05-14T15:00", ["opinion"] = "经研究，书面意见如下……" });
        Assert.Equal("OpinionGiven", given.GetProperty("state").GetString());
        Assert.True(given.GetProperty("deadline").GetProperty("met").GetBoolean());
    }

    [Fact]
    public async Task A_consultation_is_routed_to_a_window_with_a_note_and_every_bad_field_is_named()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], LegalServicesPlatform.Clerk);
        var refused = await clerk.PostAsJsonAsync(Api(slug), new { channel = "Fax", name = "", receivedAt = "2999-01-01T00:00", idNumber = "123" });
        var errors = await ErrorsAsync(refused);
        foreach (var field in new[] { "channel", "topic", "name", "village", "question", "receivedAt", "idNumber" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }

        var c = await RegisterAsync(clerk, slug, "2020-06-01T09:00");
        var bad = await PostStepAsync(clerk, slug, c, "routing", new() { ["at"] = "2020-06-01T09:10", ["window"] = "Court" });
        var stepErrors = await ErrorsAsync(bad);
        Assert.True(stepErrors.TryGetProperty("window", out _));
        Assert.True(stepErrors.TryGetProperty("note", out _));

        var routed = await StepAsync(clerk, slug, c, "routing", new() { ["at"] = "2020-06-01T09:10", ["window"] = "LegalAid", ["note"] = "符合法律援助条件，转援助窗口" });
        Assert.Equal("Routed", routed.GetProperty("state").GetString());
        Assert.Equal("LegalAid", routed.GetProperty("window").GetString());

        var list = await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug)}?window=LegalAid");
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        var figures = await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug)}/figures?from=2020-01-01&to=2020-12-31");
        Assert.Equal(1, figures.GetProperty("received").GetInt32());
        Assert.Equal(1, figures.GetProperty("byWindow").EnumerateArray().Single(w => w.GetProperty("key").GetString() == "LegalAid").GetProperty("count").GetInt32());
        Assert.Equal(1, figures.GetProperty("byChannel").EnumerateArray().Single(w => w.GetProperty("key").GetString() == "Hall").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Another_township_s_staff_can_neither_read_nor_handle_a_consultation()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], LegalServicesPlatform.Clerk, LegalServicesPlatform.Reader);
        var (_, other, stranger) = await platform.TownshipWithUserAsync([LegalServicesPlatform.Module], LegalServicesPlatform.Clerk, LegalServicesPlatform.Reader);
        var c = await RegisterAsync(clerk, slug, "2020-06-01T09:00");
        var id = c.GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Api(other)}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostStepAsync(stranger, other, c, "answer", new() { ["at"] = "2020-06-01T09:10", ["answer"] = "答复" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{Api(other)}/{id}/reveal", new { field = "PhoneNumber", reason = "核实" })).StatusCode);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>(Api(other))).GetProperty("total").GetInt64());
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync($"{Api(slug)}/{id}")).StatusCode);
        Assert.DoesNotContain("刘德华", await stranger.GetStringAsync($"/t/{other}/legal-services/consultations/{id}"));
    }
}
