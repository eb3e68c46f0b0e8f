using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Kit;
using Modular.Testing;
using static Modular.Modules.LawStudy.Tests.Certificates.CertificateScenario;

namespace Modular.Modules.LawStudy.Tests.Certificates;

/// <summary>Certificates through the API: issued, verified in public (valid, expired, revoked), numbers held once under races, another township locked out.</summary>
[Collection(LawStudyCollection.Name)]
public sealed class CertificateTests(LawStudyPlatform platform)
{
    private static readonly string IdNumber = Identities.IdNumber("52052719850312001");

    [Fact]
    public async Task The_public_page_verifies_a_valid_an_expired_and_a_revoked_certificate_and_shows_nothing_private()
    {
        var (_, slug, supervisor) = await TownshipAsync(platform);
        var today = Today(platform);
        var holder = await OfficerAsync(supervisor, slug, "何军", idNumber: IdNumber);
        var valid = await IssuedAsync(supervisor, slug, holder, Number(), TownshipTime.Format(today));
        var expired = await IssuedAsync(supervisor, slug, holder, Number(), "2015-06-01", "2020-05-31");
        var revoked = await IssuedAsync(supervisor, slug, holder, Number(), TownshipTime.Format(today));
        await StepAsync(supervisor, slug, revoked, "revocation", TownshipTime.Format(today), "违法执法被查处");
        var visitor = platform.AnonymousClient();

        foreach (var (certificate, standing, word) in new[] { (valid, "Valid", "有效"), (expired, "Expired", "已过期"), (revoked, "Revoked", "已吊销") })
        {
            var number = certificate.GetProperty("number").GetString()!;
            var answer = await visitor.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/law-study/public/certificates/verify?number={number}");
            Assert.Equal(standing, answer.GetProperty("standing").GetString());
            Assert.Equal("何军", answer.GetProperty("holderName").GetString());
            Assert.False(answer.TryGetProperty("holderId", out _));
            var page = await visitor.GetStringAsync($"/t/{slug}/law-study/verify?number={number}");
            Assert.Contains(word, page);
            Assert.Contains("何军", page);
            Assert.DoesNotContain(holder.ToString(), page);
            Assert.DoesNotContain("13985701234", page);
            Assert.DoesNotContain(IdNumber, page);
        }

        var unknown = await visitor.GetAsync($"/api/t/{slug}/law-study/public/certificates/verify?number=NOSUCH0001");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        var register = await visitor.GetStringAsync($"/t/{slug}/law-study/officers");
        Assert.Contains(valid.GetProperty("number").GetString()!, register);
        Assert.Contains("已吊销", register);
        Assert.DoesNotContain(holder.ToString(), register);
    }

    [Fact]
    public async Task A_certificate_goes_through_review_suspension_restoration_and_renewal_under_a_new_number_that_still_verifies_the_old()
    {
        var (_, slug, supervisor) = await TownshipAsync(platform);
        var today = TownshipTime.Format(Today(platform));
        var holder = await OfficerAsync(supervisor, slug, "罗永红");
        var old = Number();
        var c = await IssuedAsync(supervisor, slug, holder, old, today);
        Assert.Equal("Valid", c.GetProperty("standing").GetString());
        c = await StepAsync(supervisor, slug, c, "suspension", today, "调查期间暂扣");
        Assert.Equal("Suspended", c.GetProperty("standing").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync($"/api/t/{slug}/law-study/certificates/{c.GetProperty("id")}/review",
            new { version = c.GetProperty("version").GetInt64(), on = today })).StatusCode);
        c = await StepAsync(supervisor, slug, c, "restoration", today, "调查结束");
        c = await StepAsync(supervisor, slug, c, "review", today);
        var renewedNumber = Number();
        var renewed = await supervisor.PostAsJsonAsync($"/api/t/{slug}/law-study/certificates/{c.GetProperty("id")}/renewal",
            new { version = c.GetProperty("version").GetInt64(), on = today, newNumber = renewedNumber });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);

        var visitor = platform.AnonymousClient();
        var byOld = await visitor.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/law-study/public/certificates/verify?number={old}");
        Assert.Equal(renewedNumber, byOld.GetProperty("currentNumber").GetString());
        var timeline = await supervisor.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/law-study/certificates/{c.GetProperty("id")}/timeline");
        Assert.Equal(5, timeline.GetArrayLength());
    }

    [Fact]
    public async Task A_certificate_number_is_held_once_even_when_two_supervisors_register_it_at_the_same_instant()
    {
        var (_, slug, supervisor) = await TownshipAsync(platform);
        var holder = await OfficerAsync(supervisor, slug, "梁伟");
        var today = TownshipTime.Format(Today(platform));
        var taken = Number();
        await IssuedAsync(supervisor, slug, holder, taken, today);
        var again = await IssueAsync(supervisor, slug, holder, taken, today);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("number", out _));

        for (var round = 0; round < 5; round++)
        {
            var number = Number();
            var answers = await Races.AtOnceAsync(6, _ => IssueAsync(supervisor, slug, holder, number, today));
            Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
            Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        }
    }

    [Fact]
    public async Task Another_township_cannot_see_or_change_a_certificate_and_its_number_is_nobodys_there()
    {
        var (admin, slug, supervisor) = await TownshipAsync(platform);
        var holder = await OfficerAsync(supervisor, slug, "宋平");
        var c = await IssuedAsync(supervisor, slug, holder, Number(), TownshipTime.Format(Today(platform)));
        var id = c.GetProperty("id").GetGuid();
        var number = c.GetProperty("number").GetString()!;
        var (_, other, stranger) = await TownshipAsync(platform);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/t/{slug}/law-study/certificates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/t/{other}/law-study/certificates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/t/{other}/law-study/certificates/{id}/suspension",
            new { version = 1, on = TownshipTime.Format(Today(platform)), reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/t/{other}/law-study/certificates/{id}/qr.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.AnonymousClient().GetAsync($"/api/t/{other}/law-study/public/certificates/verify?number={number}")).StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>($"/api/t/{other}/law-study/certificates")).EnumerateArray());

        // The number is another township's to give.
        var theirs = await OfficerAsync(stranger, other, "宋平");
        Assert.Equal(HttpStatusCode.Created, (await IssueAsync(stranger, other, theirs, number, TownshipTime.Format(Today(platform)))).StatusCode);
        _ = admin;
    }

    [Fact]
    public async Task The_holder_sees_their_own_certificate_with_a_qr_code_that_decodes_to_the_verification_address()
    {
        var (admin, slug, supervisor) = await TownshipAsync(platform);
        var userName = await Scenario.CreateUserAsync(admin, slug, LawStudyPlatform.StaffMember);
        var holder = await OfficerAsync(supervisor, slug, "谢飞", userName);
        var c = await IssuedAsync(supervisor, slug, holder, Number(), TownshipTime.Format(Today(platform)));
        var officer = await platform.SignedInClientAsync(userName, Scenario.Password);

        var mine = await officer.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/law-study/certificates/mine");
        Assert.Equal(c.GetProperty("number").GetString(), Assert.Single(mine.EnumerateArray()).GetProperty("number").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/t/{slug}/law-study/certificates")).StatusCode);
        var svg = await officer.GetStringAsync($"/api/t/{slug}/law-study/certificates/{c.GetProperty("id")}/qr.svg");

        var decoded = QrCodes.Decode(svg);
        Assert.Equal(new Uri(platform.ServerAddress, c.GetProperty("verificationPath").GetString()).ToString(), decoded);
        var page = await officer.GetStringAsync($"/t/{slug}/law-study/certificates/mine");
        Assert.Contains("certificate-qr", page);

        // Someone else's certificate is not theirs to draw.
        var other = await OfficerAsync(supervisor, slug, "韩冬");
        var theirs = await IssuedAsync(supervisor, slug, other, Number(), TownshipTime.Format(Today(platform)));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/t/{slug}/law-study/certificates/{theirs.GetProperty("id")}/qr.svg")).StatusCode);
    }

    [Fact]
    public async Task The_dashboard_and_due_list_warn_two_months_before_a_review_or_an_expiry()
    {
        var (_, slug, supervisor) = await TownshipAsync(platform);
        var holder = await OfficerAsync(supervisor, slug, "林海");
        var today = Today(platform);
        // Issued a year before a day a month ahead (yearly review): its review falls within two months.
        var ahead = DateOnly.FromDayNumber(today.DayNumber + 30);
        var issued = new DateOnly(ahead.Year - 1, ahead.Month, Math.Min(ahead.Day, 28));
        var c = await IssuedAsync(supervisor, slug, holder, Number(), TownshipTime.Format(issued), TownshipTime.Format(new DateOnly(today.Year + 3, 1, 1)));
        Assert.Equal("ReviewDue", c.GetProperty("standing").GetString());
        var home = await supervisor.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");
        Assert.Contains(home.GetProperty("dueItems").EnumerateArray(), d => d.GetProperty("item").GetProperty("link").GetString()!.Contains(c.GetProperty("id").GetString()!));
        Assert.Equal("1", home.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("label").GetString() == "待年审或即将到期的执法证").GetProperty("value").GetString());
    }

    [Fact]
    public async Task The_head_sets_a_three_year_review_cycle_and_a_cycle_of_two_years_is_refused()
    {
        var (_, slug, head) = await platform.TownshipWithUserAsync([LawStudyPlatform.Module], LawStudyPlatform.Head);
        var settings = await head.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/law-study/certificates/settings");
        Assert.Equal(1, settings.GetProperty("reviewCycleYears").GetInt32());
        Assert.Equal(0, settings.GetProperty("version").GetInt64());
        var refused = await head.PostAsJsonAsync($"/api/t/{slug}/law-study/certificates/settings", new { version = 0, reviewCycleYears = 2, validityYears = 5, warningLength = 60 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var set = await head.PostAsJsonAsync($"/api/t/{slug}/law-study/certificates/settings", new { version = 0, reviewCycleYears = 3, validityYears = 6, warningLength = 30, warningUnit = "WorkingDays" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(3, (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reviewCycleYears").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostAsJsonAsync($"/api/t/{slug}/law-study/certificates/settings", new { version = 0, reviewCycleYears = 1, validityYears = 5, warningLength = 60 })).StatusCode);
    }
}
