using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.OpenGovernment.Tests.DisclosureRequests.RequestScenario;

namespace Modular.Modules.OpenGovernment.Tests.DisclosureRequests;

[Collection(OpenGovernmentCollection.Name)]
public sealed class IntakeAndPrivacyTests(OpenGovernmentPlatform platform)
{
    [Fact]
    public async Task A_request_missing_its_Article_29_fields_is_refused_naming_every_field_at_once_and_nothing_is_filed()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");

        var response = await clerk.PostAsJsonAsync($"/api/t/{slug}/open-government/requests", new { requesterType = "NaturalPerson", idType = "ResidentIdCard", idNumber = "520527198503120411", channel = "InPerson", submittedOn = "2026-09-24" });

        var errors = await ErrorsAsync(response);
        Assert.Superset(new HashSet<string> { "name", "phone", "description", "form", "delivery", "idNumber" }, errors.Keys.ToHashSet());
        Assert.Empty((await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/open-government/requests")).EnumerateArray());
    }

    [Fact]
    public async Task An_identity_number_with_a_wrong_check_digit_is_refused_and_a_right_one_accepted()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var good = Person();
        var bad = Person();
        var id = (string)good["idNumber"]!;
        bad["idNumber"] = id[..17] + (id[17] == '0' ? '1' : '0');

        var refused = await clerk.PostAsJsonAsync($"/api/t/{slug}/open-government/requests", bad);
        var accepted = await clerk.PostAsJsonAsync($"/api/t/{slug}/open-government/requests", good);

        Assert.Contains("idNumber", (await ErrorsAsync(refused)).Keys);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task Identity_number_phone_and_address_are_masked_for_staff_and_a_reveal_needs_a_reason_and_is_audited()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var (id, number) = await EnterAsync(clerk, slug, Person());

        var raw = await clerk.GetStringAsync($"/api/t/{slug}/open-government/requests/{id}");
        var list = await clerk.GetStringAsync($"/api/t/{slug}/open-government/requests");
        var page = await clerk.GetStringAsync($"/t/{slug}/open-government/requests/{id}");
        var request = await GetAsync(clerk, slug, id);
        var applicant = request.GetProperty("applicant");

        foreach (var text in new[] { raw, list, page })
        {
            Assert.DoesNotContain(IdNumber(), text);
            Assert.DoesNotContain(Phone, text);
            Assert.DoesNotContain(Address, text);
        }

        Assert.Equal("138****5678", applicant.GetProperty("phone").GetString());
        Assert.Equal(IdNumber()[..6] + "********" + IdNumber()[^4..], applicant.GetProperty("idNumber").GetString());

        var refused = await clerk.PostAsJsonAsync($"/api/t/{slug}/open-government/requests/{id}/reveal", new { field = "PhoneNumber", reason = "" });
        var revealed = await clerk.PostAsJsonAsync($"/api/t/{slug}/open-government/requests/{id}/reveal", new { field = "PhoneNumber", reason = "电话通知申请人领取答复书" });

        Assert.Contains("reason", (await ErrorsAsync(refused)).Keys);
        Assert.Equal(Phone, (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
        var audit = await admin.GetStringAsync($"/t/{slug}/admin");
        Assert.Contains("电话通知申请人领取答复书", audit);
        Assert.Contains(number, audit);
        Assert.DoesNotContain(Phone, audit);
    }

    [Fact]
    public async Task The_public_status_lookup_shows_the_state_for_the_right_code_and_nothing_for_a_wrong_code_or_number()
    {
        var (_, slug, _) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var visitor = platform.AnonymousClient();
        var body = Person();
        body.Remove("channel");
        body.Remove("submittedOn");

        var filed = await visitor.PostAsJsonAsync($"/api/t/{slug}/open-government/public/requests", body);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var receipt = await filed.Content.ReadFromJsonAsync<JsonElement>();
        var number = receipt.GetProperty("number").GetString()!;
        var code = receipt.GetProperty("accessCode").GetString()!;
        Assert.InRange(code.Length, 6, 8);

        var found = await visitor.GetAsync($"/api/t/{slug}/open-government/public/requests/status?number={number}&code={code.ToLowerInvariant()}");
        var wrongCode = await visitor.GetAsync($"/api/t/{slug}/open-government/public/requests/status?number={number}&code=ABCDEFGH");
        var wrongNumber = await visitor.GetAsync($"/api/t/{slug}/open-government/public/requests/status?number=2026-9999&code={code}");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var status = await found.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Received", status.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(status.GetProperty("replyDueOn").GetString()));
        Assert.DoesNotContain(Phone, await found.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, wrongCode.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongNumber.StatusCode);
        Assert.Equal(await wrongCode.Content.ReadFromJsonAsync<JsonElement>() is var a ? a.GetProperty("title").GetString() : null,
            (await wrongNumber.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Another_townships_staff_can_neither_read_nor_handle_a_request()
    {
        var (admin, slug, clerk) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var (id, _) = await EnterAsync(clerk, slug, Person());
        var version = (await GetAsync(clerk, slug, id)).GetProperty("version").GetInt64();
        var other = await Scenario.CreateTownshipAsync(admin, OpenGovernmentPlatform.Module);
        var outsiderName = await Scenario.CreateUserAsync(admin, other, "open-government.clerk");
        var outsider = await platform.SignedInClientAsync(outsiderName, Scenario.Password);
        var api = $"/api/t/{other}/open-government/requests/{id}";

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(api)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{api}/timeline")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{api}/reply-letter.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"{api}/reveal", new { field = "PhoneNumber", reason = "好奇" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"{api}/correction-notice", new { version, noticeOn = "2026-09-25", items = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"{api}/reply", new { version, answeredOn = "2026-09-25", category = "Disclosed", text = "x" })).StatusCode);
        Assert.Empty((await outsider.GetFromJsonAsync<JsonElement>($"/api/t/{other}/open-government/requests")).EnumerateArray());
        Assert.Equal("Received", (await GetAsync(clerk, slug, id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Requests_filed_at_the_same_moment_get_consecutive_tracking_numbers_without_duplicates()
    {
        var (_, slug, _) = await platform.TownshipWithUserAsync([OpenGovernmentPlatform.Module], "open-government.clerk");
        var body = Person();
        body.Remove("channel");
        body.Remove("submittedOn");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => platform.AnonymousClient().PostAsJsonAsync($"/api/t/{slug}/open-government/public/requests", body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<string>();
        foreach (var response in responses)
        {
            numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!);
        }

        var year = numbers[0][..4];
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"{year}-{n:D4}"), numbers.Order(StringComparer.Ordinal));
    }
}
