using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Modules.Mediation.Tests.Disputes;
using Modular.Modules.Mediation.Tests.Petitions;
using Modular.Testing;
using static Modular.Modules.Mediation.Tests.Households.HouseholdScenario;

namespace Modular.Modules.Mediation.Tests.Households;

[Collection(MediationCollection.Name)]
public sealed class HouseholdLedgerTests(MediationPlatform platform)
{
    [Fact]
    public async Task A_registrar_keeps_a_household_from_registration_to_closing_and_every_change_is_recorded()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var (id, number) = await RegisterAsync(registrar, slug, "张三");
        Assert.Equal("0001", number);

        await ChangedAsync(registrar, slug, id, HttpMethod.Post, "/members", Member("李四", "Spouse", IdNumber(2)));
        var withChild = await ChangedAsync(registrar, slug, id, HttpMethod.Post, "/members", Member("张小五", "Child", IdNumber(3), "LeftBehindChild"));
        var child = MemberId(withChild, "张小五");
        var changed = await ChangedAsync(registrar, slug, id, HttpMethod.Put, $"/members/{child}", new() { ["name"] = "张小五", ["relation"] = "Child", ["education"] = "Primary", ["specialGroups"] = new[] { "留守儿童", "Disabled" } });
        var updated = await ChangedAsync(registrar, slug, id, HttpMethod.Put, "", new() { ["village"] = "团结村", ["group"] = "一组", ["notes"] = "2026年核对" });
        var removed = await ChangedAsync(registrar, slug, id, HttpMethod.Post, $"/members/{MemberId(withChild, "李四")}/removal", new() { ["reason"] = "户口迁出" });
        var closed = await ChangedAsync(registrar, slug, id, HttpMethod.Post, "/closure", new() { ["on"] = "2026-01-05", ["reason"] = "全户迁往县城" });

        var member = changed.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == child);
        Assert.Equal("Primary", member.GetProperty("education").GetProperty("value").GetString());
        Assert.Equal(2, member.GetProperty("specialGroups").GetArrayLength());
        Assert.EndsWith(IdNumber(3)[^4..], member.GetProperty("idNumber").GetString()); // an empty ID number kept the recorded one
        Assert.Equal("团结村", updated.GetProperty("village").GetString());
        Assert.StartsWith(Address[..6], updated.GetProperty("address").GetString()); // an empty address kept the recorded one, masked
        Assert.NotEqual(Address, updated.GetProperty("address").GetString());
        Assert.Equal(2, removed.GetProperty("members").GetArrayLength());
        Assert.True(closed.GetProperty("isClosed").GetBoolean());
        var refused = await ChangeAsync(registrar, slug, id, HttpMethod.Post, "/members", Member("王六", "Other", IdNumber(4)));
        Assert.Contains("state", (await PetitionScenario.ErrorsAsync(refused)).Keys);

        var timeline = await registrar.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/households/{id}/timeline");
        Assert.Equal(8, timeline.GetArrayLength());
        Assert.All(timeline.EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("by").GetString())));
        Assert.DoesNotContain(IdNumber(3), timeline.GetRawText());
        var open = await registrar.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/households");
        var gone = await registrar.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/households?closed=true");
        Assert.Equal(0, open.GetProperty("households").GetInt32());
        Assert.Equal(1, gone.GetProperty("households").GetInt32());
    }

    [Fact]
    public async Task Registrars_registering_at_the_same_instant_each_get_a_household_number_of_their_own_after_those_an_import_took()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var imported = await registrar.PostAsync($"/api/t/{slug}/mediation/households/import",
            new MultipartFormDataContent { { new ByteArrayContent(Xlsx.Write(Xlsx.LedgerHeader, Xlsx.LedgerRow("0002", "王大明", "户主", IdNumber(70)))), "file", "台帐.xlsx" } });
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        var registered = await Task.WhenAll(Enumerable.Range(71, 8).Select(serial => RegisterAsync(registrar, slug, $"户主{serial}", IdNumber(serial))));

        Assert.Equal(["0001", "0003", "0004", "0005", "0006", "0007", "0008", "0009"], registered.Select(r => r.Number).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_change_on_a_stale_version_answers_409()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var (id, _) = await RegisterAsync(registrar, slug);
        var read = (await GetAsync(registrar, slug, id)).GetProperty("version").GetInt64();
        await ChangedAsync(registrar, slug, id, HttpMethod.Post, "/members", Member("李四", "Spouse", IdNumber(2)));

        var stale = await ChangeAsync(registrar, slug, id, HttpMethod.Put, "", new() { ["version"] = read, ["village"] = "团结村", ["group"] = "一组" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("双河村", (await GetAsync(registrar, slug, id)).GetProperty("village").GetString());
    }

    [Fact]
    public async Task An_ID_number_failing_the_GB_11643_check_digit_is_refused_with_every_bad_field()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var valid = IdNumber(7);
        var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var body = Household(headId: wrongCheck);
        body["village"] = "";

        var response = await registrar.PostAsJsonAsync($"/api/t/{slug}/mediation/households", body);

        var errors = await PetitionScenario.ErrorsAsync(response);
        Assert.Contains("GB 11643", string.Join(" ", errors["head.idNumber"]));
        Assert.Contains("village", errors.Keys);
        Assert.Equal(0, (await registrar.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/households")).GetProperty("households").GetInt32());
    }

    [Fact]
    public async Task One_person_is_on_the_ledger_once_and_a_household_has_one_head()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var (id, _) = await RegisterAsync(registrar, slug, "张三", IdNumber(1));

        var twice = await registrar.PostAsJsonAsync($"/api/t/{slug}/mediation/households", Household("张三", IdNumber(1)));
        var secondHead = await ChangeAsync(registrar, slug, id, HttpMethod.Post, "/members", Member("李四", "Head", IdNumber(2)));

        Assert.Contains("head.idNumber", (await PetitionScenario.ErrorsAsync(twice)).Keys);
        Assert.Contains("relation", (await PetitionScenario.ErrorsAsync(secondHead)).Keys);
    }

    [Fact]
    public async Task Another_townships_staff_get_404_for_reads_and_writes_and_see_none_of_the_rows()
    {
        var (admin, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var (id, _) = await RegisterAsync(registrar, slug, "张三");
        var member = MemberId(await GetAsync(registrar, slug, id), "张三");
        var other = await Scenario.CreateTownshipAsync(admin, MediationPlatform.Module);
        var stranger = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, other, Registrar), Scenario.Password);
        var api = $"/api/t/{other}/mediation/households";

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{api}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{api}/{id}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"{api}/{id}", new { version = 2, village = "团结村", group = "一组" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{api}/{id}/members", Member("王六", "Other", IdNumber(9)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{api}/{id}/closure", new { version = 2, on = "2026-01-05", reason = "迁出" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RevealAsync(stranger, other, id, member, "IdNumber", "核对")).StatusCode);
        Assert.DoesNotContain("张三", await stranger.GetStringAsync($"/t/{other}/mediation/households/{id}"));
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>(api)).GetProperty("households").GetInt32());
        Assert.DoesNotContain("张三", await stranger.GetStringAsync($"/t/{other}/mediation/households"));
        Assert.DoesNotContain("张三", await stranger.GetStringAsync($"{api}/special-groups"));
        Assert.DoesNotContain("张三", Xlsx.Read(await stranger.GetByteArrayAsync($"{api}/export.xlsx")).SelectMany(r => r));
        Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync($"/api/t/{slug}/mediation/households/{id}")).StatusCode);
        Assert.Equal("双河村", (await GetAsync(registrar, slug, id)).GetProperty("village").GetString());
    }

    [Fact]
    public async Task The_household_pages_change_form_removes_or_closes_only_what_a_registrar_chose()
    {
        var (admin, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var mediator = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Mediator), Scenario.Password);
        var (id, _) = await RegisterAsync(registrar, slug, "张三", IdNumber(31));
        var url = $"/t/{slug}/mediation/households/{id}";
        var version = (await GetAsync(registrar, slug, id)).GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, string> Change(string member) => new() { ["Change.Version"] = version, ["Change.Member"] = member, ["Change.On"] = "2026-11-01", ["Change.Reason"] = "迁出" };

        // A mediator reads the ledger but may not keep it: a forged post (with a token from a page he may post on) closes nothing.
        var forged = await DisputePageTests.PostFormAsync(mediator, url, "household-change", Change("close"), tokenFrom: $"/t/{slug}/mediation/disputes/new");
        // A registrar who chose nothing, or whose form came back with a value that is no choice, closes nothing either.
        var unchosen = await DisputePageTests.PostFormAsync(registrar, url, "household-change", Change(""));
        var junk = await DisputePageTests.PostFormAsync(registrar, url, "household-change", Change("junk"));

        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Contains("请选择减员的成员或注销本户", await unchosen.Content.ReadAsStringAsync());
        Assert.Contains("请选择减员的成员或注销本户", await junk.Content.ReadAsStringAsync());
        var household = await GetAsync(registrar, slug, id);
        Assert.False(household.GetProperty("isClosed").GetBoolean());
        Assert.Equal(1, household.GetProperty("members").GetArrayLength());
    }
}
