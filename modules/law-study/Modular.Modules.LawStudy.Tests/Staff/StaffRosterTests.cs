using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;

namespace Modular.Modules.LawStudy.Tests.Staff;

/// <summary>The roster through the API: entered, changed, left; its unique values held under races; masked; another township locked out.</summary>
[Collection(LawStudyCollection.Name)]
public sealed class StaffRosterTests(LawStudyPlatform platform)
{
    private static readonly string IdNumber = Identities.IdNumber("52052719850312001");

    private static string Api(string slug) => $"/api/t/{slug}/law-study/staff";

    private static Dictionary<string, object?> Person(string name, string? idNumber = null, string? userName = null) => new()
    {
        ["name"] = name,
        ["department"] = "综合行政执法办公室",
        ["post"] = "城管执法",
        ["enforcementPost"] = true,
        ["userName"] = userName,
        ["idNumber"] = idNumber,
        ["phone"] = "13985701234",
        ["joinedOn"] = "2020-01-02",
    };

    [Fact]
    public async Task A_clerk_enters_a_person_masked_changes_their_post_and_records_their_leaving()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        var created = await clerk.PostAsJsonAsync(Api(slug), Person("何军", IdNumber, "hejun"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var person = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("139****1234", person.GetProperty("phone").GetString());
        Assert.DoesNotContain(IdNumber, person.GetRawText());
        var id = person.GetProperty("id").GetGuid();

        var changed = await clerk.PostAsJsonAsync($"{Api(slug)}/{id}/change", new Dictionary<string, object?>(Person("何军", IdNumber, "hejun"))
        {
            ["department"] = "党政办公室",
            ["post"] = "综合文秘",
            ["enforcementPost"] = false,
            ["version"] = 1,
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.False((await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enforcementPost").GetBoolean());

        var stale = await clerk.PostAsJsonAsync($"{Api(slug)}/{id}/leave", new { version = 1, leftOn = "2020-09-30", reason = "调离" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var left = await clerk.PostAsJsonAsync($"{Api(slug)}/{id}/leave", new { version = 2, leftOn = "2020-09-30", reason = "调离" });
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);

        var roster = await clerk.GetFromJsonAsync<JsonElement>(Api(slug));
        Assert.Equal(0, roster.GetArrayLength());
        var all = await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug)}?includeLeft=true");
        Assert.Equal(1, all.GetArrayLength());

        // Leaving released the ID number and the user: the person can come back as a new entry.
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync(Api(slug), Person("何军", IdNumber, "hejun"))).StatusCode);
    }

    [Fact]
    public async Task An_id_number_or_a_user_held_on_the_roster_is_refused_naming_the_field_even_under_a_race()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync(Api(slug), Person("罗永红", IdNumber, "luoyonghong"))).StatusCode);
        var again = await clerk.PostAsJsonAsync(Api(slug), Person("罗永红", IdNumber, "luoyonghong"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var errors = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("idNumber", out _));
        Assert.True(errors.TryGetProperty("userName", out _));

        for (var round = 0; round < 5; round++)
        {
            var id = Identities.IdNumber($"52052719900101{round}01");
            var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => clerk.PostAsJsonAsync(Api(slug), Person("梁伟", id))));
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
            Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        }
    }

    [Fact]
    public async Task A_signed_in_member_of_staff_sees_their_own_entry_and_nobody_elses()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        var user = await Scenario.CreateUserAsync(admin, slug, LawStudyPlatform.StaffMember);
        var staff = await platform.SignedInClientAsync(user, Scenario.Password);
        Assert.Equal(HttpStatusCode.Created, (await clerk.PostAsJsonAsync(Api(slug), Person("宋平", userName: user))).StatusCode);

        var me = await staff.GetFromJsonAsync<JsonElement>($"{Api(slug)}/me");
        Assert.True(me.GetProperty("onRoster").GetBoolean());
        Assert.Equal("宋平", me.GetProperty("staff").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(Api(slug))).StatusCode);
        Assert.False((await clerk.GetFromJsonAsync<JsonElement>($"{Api(slug)}/me")).GetProperty("onRoster").GetBoolean());
    }

    [Fact]
    public async Task Another_townships_clerk_can_neither_read_nor_change_the_roster()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        var (_, own, stranger) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.StudyClerk);
        var person = await (await clerk.PostAsJsonAsync(Api(slug), Person("谢飞"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = person.GetProperty("id").GetGuid();

        // The host hides a township from a user who is not its member; in their own township the id is nobody's.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(Api(slug))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{Api(slug)}/{id}/leave", new { version = 1, leftOn = "2020-09-30", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Api(own)}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"{Api(own)}/{id}/leave", new { version = 1, leftOn = "2020-09-30", reason = "x" })).StatusCode);
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>(Api(own))).GetArrayLength());
    }

    [Fact]
    public async Task The_demo_township_has_its_2020_roster_with_enforcement_posts_in_planning_and_urban_management()
    {
        var admin = await platform.AdminClientAsync();
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, "yemachuan", LawStudyPlatform.StudyClerk), Scenario.Password);
        var roster = await clerk.GetFromJsonAsync<JsonElement>(Api("yemachuan"));
        Assert.Equal(38, roster.GetArrayLength());
        var enforcement = roster.EnumerateArray().Where(p => p.GetProperty("enforcementPost").GetBoolean()).Select(p => p.GetProperty("department").GetString()).Distinct().Order();
        Assert.Equal(["综合行政执法办公室", "规划建设办公室"], enforcement);
    }
}
