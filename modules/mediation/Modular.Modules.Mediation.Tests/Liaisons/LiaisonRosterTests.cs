using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.Mediation.Tests.Liaisons.LiaisonScenario;

namespace Modular.Modules.Mediation.Tests.Liaisons;

[Collection(MediationCollection.Name)]
public sealed class LiaisonRosterTests(MediationPlatform platform)
{
    [Fact]
    public async Task A_liaison_is_appointed_edited_and_stood_down_and_each_step_is_on_the_timeline()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await AppointAsync(mediator, slug);
        var appointed = await GetLiaisonAsync(mediator, slug, id);

        var edit = Liaison("王德明", "双河村", "Mediator");
        edit["phone"] = null; // blank keeps the number on file: the page never shows it in clear
        edit["version"] = appointed.GetProperty("version").GetInt64();
        var edited = await mediator.PutAsJsonAsync($"/api/t/{slug}/mediation/liaisons/{id}", edit);
        var version = (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        var stoodDown = await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/liaisons/{id}/stand-down", new { version, on = "2026-06-30", reason = "外出务工" });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stoodDown.StatusCode);
        var liaison = await GetLiaisonAsync(mediator, slug, id);
        Assert.Equal("双河村", liaison.GetProperty("village").GetString());
        Assert.Equal("调解员", liaison.GetProperty("roleLabel").GetString());
        Assert.Equal(MaskedPhone, liaison.GetProperty("phone").GetString());
        Assert.False(liaison.GetProperty("isActive").GetBoolean());
        Assert.Equal("2026-06-30", liaison.GetProperty("stoodDownOn").GetString());
        var timeline = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/liaisons/{id}/timeline");
        Assert.Equal(3, timeline.GetArrayLength());
        Assert.All(timeline.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("by").GetString())));
        Assert.DoesNotContain(Phone, timeline.GetRawText());
    }

    [Fact]
    public async Task A_liaison_who_stood_down_cannot_report_a_lead_nor_be_edited()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await AppointAsync(mediator, slug);
        var version = (await GetLiaisonAsync(mediator, slug, id)).GetProperty("version").GetInt64();
        (await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/liaisons/{id}/stand-down", new { version, on = "2026-06-30", reason = "外出务工" })).EnsureSuccessStatusCode();

        var report = await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/leads", Lead(id, "2026-07-01"));
        var edit = Liaison();
        edit["version"] = version + 1;
        var edited = await mediator.PutAsJsonAsync($"/api/t/{slug}/mediation/liaisons/{id}", edit);

        Assert.Contains("已于2026-06-30离任，不能报告新线索", string.Join(" ", (await ErrorsAsync(report))["liaisonId"]));
        Assert.Contains("离任", string.Join(" ", (await ErrorsAsync(edited))["state"]));
        Assert.Equal(0, (await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/leads")).GetArrayLength());
    }

    [Fact]
    public async Task A_bad_appointment_names_every_bad_field_and_writes_nothing()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var body = Liaison();
        body["name"] = "";
        body["role"] = "Chairman";
        body["phone"] = "call me";
        body["appointedOn"] = "2099-01-01";

        var response = await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/liaisons", body);

        var errors = await ErrorsAsync(response);
        Assert.Equal(["appointedOn", "name", "phone", "role"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, (await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/liaisons")).GetArrayLength());
    }

    [Fact]
    public async Task An_edit_on_a_stale_version_answers_409()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await AppointAsync(mediator, slug);
        var edit = Liaison("王德明", "团结村");
        edit["version"] = (await GetLiaisonAsync(mediator, slug, id)).GetProperty("version").GetInt64();
        (await mediator.PutAsJsonAsync($"/api/t/{slug}/mediation/liaisons/{id}", edit)).EnsureSuccessStatusCode();

        edit["village"] = "水塘村";
        var stale = await mediator.PutAsJsonAsync($"/api/t/{slug}/mediation/liaisons/{id}", edit);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("团结村", (await GetLiaisonAsync(mediator, slug, id)).GetProperty("village").GetString());
    }

    [Fact]
    public async Task The_roster_filters_by_village_role_and_whether_the_liaison_still_serves()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        await AppointAsync(mediator, slug, Liaison("王德明", "野马川村", "VillageCadre"));
        await AppointAsync(mediator, slug, Liaison("李秀英", "野马川村", "PartyMember"));
        var gone = await AppointAsync(mediator, slug, Liaison("陈永贵", "双河村", "PartyMember"));
        var version = (await GetLiaisonAsync(mediator, slug, gone)).GetProperty("version").GetInt64();
        (await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/liaisons/{gone}/stand-down", new { version, on = "2026-06-30", reason = "身体原因" })).EnsureSuccessStatusCode();

        async Task<string[]> NamesAsync(string query) =>
            [.. (await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/liaisons?{query}")).EnumerateArray().Select(l => l.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];

        Assert.Equal(["李秀英", "王德明"], await NamesAsync("village=野马川村"));
        Assert.Equal(["李秀英", "陈永贵"], await NamesAsync("role=PartyMember"));
        Assert.Equal(["李秀英"], await NamesAsync("role=PartyMember&active=true"));
        Assert.Equal(HttpStatusCode.BadRequest, (await mediator.GetAsync($"/api/t/{slug}/mediation/liaisons?active=maybe")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mediator.GetAsync($"/t/{slug}/mediation/liaisons?active=maybe&role=junk&from=never")).StatusCode);
    }

    [Fact]
    public async Task The_phone_is_masked_in_every_answer_and_page()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await AppointAsync(mediator, slug);

        string[] bodies =
        [
            await mediator.GetStringAsync($"/api/t/{slug}/mediation/liaisons"),
            await mediator.GetStringAsync($"/api/t/{slug}/mediation/liaisons/{id}"),
            await mediator.GetStringAsync($"/api/t/{slug}/mediation/liaisons/counts"),
            await mediator.GetStringAsync($"/t/{slug}/mediation/liaisons"),
            await mediator.GetStringAsync($"/t/{slug}/mediation/liaisons/{id}"),
            await mediator.GetStringAsync($"/t/{slug}/mediation/liaisons/{id}/edit"),
        ];

        Assert.All(bodies, body => Assert.DoesNotContain(Phone, body));
        Assert.All(bodies, body => Assert.Contains(MaskedPhone, body));
    }

    [Fact]
    public async Task Revealing_a_phone_needs_the_permission_and_a_reason_and_is_recorded_for_the_township_admin()
    {
        var (admin, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var head = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, CenterHead), Scenario.Password);
        var id = await AppointAsync(mediator, slug);

        var forbidden = await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/liaisons/{id}/reveal", new { field = "PhoneNumber", reason = "回访" });
        var noReason = await head.PostAsJsonAsync($"/api/t/{slug}/mediation/liaisons/{id}/reveal", new { field = "PhoneNumber", reason = " " });
        var revealed = await head.PostAsJsonAsync($"/api/t/{slug}/mediation/liaisons/{id}/reveal", new { field = "PhoneNumber", reason = "核实线索，电话联系联络员" });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("reason", (await ErrorsAsync(noReason)).Keys);
        Assert.Equal(Phone, (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
        Assert.DoesNotContain("reveal-phone", await mediator.GetStringAsync($"/t/{slug}/mediation/liaisons/{id}"));
        Assert.Contains("reveal-phone", await head.GetStringAsync($"/t/{slug}/mediation/liaisons/{id}"));
        var audit = await admin.GetStringAsync($"/t/{slug}/admin");
        Assert.Contains("核实线索，电话联系联络员", audit);
        Assert.Contains("信息联络员 王德明（野马川村）", audit);
        Assert.Contains(MaskedPhone, audit);
        Assert.DoesNotContain(Phone, audit);
    }

    [Fact]
    public async Task Another_townships_staff_get_404_for_the_roster_and_the_leads_and_see_none_of_them()
    {
        var (admin, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var liaison = await AppointAsync(mediator, slug);
        var lead = await ReportAsync(mediator, slug, liaison, "2026-07-01");
        var other = await Scenario.CreateTownshipAsync(admin, MediationPlatform.Module);
        var stranger = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, other, CenterHead), Scenario.Password);
        var api = $"/api/t/{other}/mediation";

        foreach (var read in new[] { $"{api}/liaisons/{liaison}", $"{api}/liaisons/{liaison}/timeline", $"{api}/leads/{lead}", $"{api}/leads/{lead}/timeline" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(read)).StatusCode);
        }

        var edit = Liaison("张三", "外村");
        edit["version"] = 1;
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"{api}/liaisons/{liaison}", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{api}/liaisons/{liaison}/stand-down", new { version = 1, on = "2026-07-02", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{api}/liaisons/{liaison}/reveal", new { field = "PhoneNumber", reason = "好奇" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{api}/leads/{lead}/closure", new { version = 1, on = "2026-07-02", reason = "Duplicate" })).StatusCode);
        Assert.Contains("liaisonId", (await ErrorsAsync(await stranger.PostAsJsonAsync($"{api}/leads", Lead(liaison, "2026-07-02")))).Keys);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>($"{api}/liaisons")).GetArrayLength());
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>($"{api}/leads")).GetArrayLength());
        Assert.DoesNotContain("王德明", await stranger.GetStringAsync($"/t/{other}/mediation/liaisons/{liaison}"));
        Assert.DoesNotContain("宅基地", await stranger.GetStringAsync($"/t/{other}/mediation/leads/{lead}"));
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync($"/api/t/{slug}/mediation/liaisons/{liaison}")).StatusCode);
        Assert.True((await GetLiaisonAsync(mediator, slug, liaison)).GetProperty("isActive").GetBoolean());
        Assert.Equal("Reported", (await GetLeadAsync(mediator, slug, lead)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_appointment_cannot_move_past_his_first_lead_nor_the_stand_down_precede_his_last()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var id = await AppointAsync(mediator, slug); // appointed 2026-01-05
        await ReportAsync(mediator, slug, id, "2026-03-01");
        await ReportAsync(mediator, slug, id, "2026-07-01");
        var version = (await GetLiaisonAsync(mediator, slug, id)).GetProperty("version").GetInt64();

        var edit = Liaison();
        edit["appointedOn"] = "2026-04-01";
        edit["version"] = version;
        var edited = await mediator.PutAsJsonAsync($"/api/t/{slug}/mediation/liaisons/{id}", edit);
        var early = await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/liaisons/{id}/stand-down", new { version, on = "2026-06-30", reason = "外出务工" });
        var onTheDay = await mediator.PostAsJsonAsync($"/api/t/{slug}/mediation/liaisons/{id}/stand-down", new { version, on = "2026-07-01", reason = "外出务工" });

        Assert.Contains("2026-03-01", string.Join(" ", (await ErrorsAsync(edited))["appointedOn"]));
        Assert.Contains("2026-07-01", string.Join(" ", (await ErrorsAsync(early))["on"]));
        Assert.Equal(HttpStatusCode.OK, onTheDay.StatusCode);
        Assert.Equal("2026-01-05", (await GetLiaisonAsync(mediator, slug, id)).GetProperty("appointedOn").GetString());
    }
}
