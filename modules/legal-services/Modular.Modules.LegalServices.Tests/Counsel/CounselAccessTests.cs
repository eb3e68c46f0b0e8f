using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.LegalServices.Tests.Counsel.CounselScenario;

namespace Modular.Modules.LegalServices.Tests.Counsel;

/// <summary>Who reads what: a counsel sees only the reviews sent to them; another township's staff reach nothing; phones are masked.</summary>
[Collection(LegalServicesCollection.Name)]
public sealed class CounselAccessTests(LegalServicesPlatform platform)
{
    [Fact]
    public async Task A_counsel_sees_only_the_reviews_sent_to_them_and_nothing_else_of_the_area()
    {
        var t = await TownshipAsync(platform);
        var toA = await SubmitAsync(t, t.CounselAId, "发给伍律师的合同");
        var toB = await SubmitAsync(t, t.CounselBId, "发给杜律师的合同");
        var reviews = Api(t.Slug) + "/reviews";

        var mine = await t.CounselA.GetFromJsonAsync<JsonElement>(reviews);
        Assert.True(mine.GetProperty("onlyMine").GetBoolean());
        Assert.Equal(["发给伍律师的合同"], mine.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("title").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await t.CounselA.GetAsync($"{reviews}/{toA.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await t.CounselA.GetAsync($"{reviews}/{toB.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.CounselA.GetAsync(Api(t.Slug) + "/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await t.CounselA.PostAsJsonAsync(reviews, Review(t.CounselAId))).StatusCode);
        Assert.Equal(2, (await t.Head.GetFromJsonAsync<JsonElement>(reviews)).GetProperty("rows").GetArrayLength());

        // The head sees every review but answers none: opinions are counsel's.
        Assert.Equal(HttpStatusCode.Forbidden, (await PostStepAsync(t.Head, reviews, toA, "opinion", Opinion("Lawful"))).StatusCode);
    }

    [Fact]
    public async Task Another_townships_staff_and_counsel_can_neither_read_nor_write_any_of_it()
    {
        var t = await TownshipAsync(platform);
        var review = await AnsweredAsync(t, t.CounselA, t.CounselAId, "Lawful");
        var meeting = await MeetingAsync(t);
        var caseFiled = await PostAsync(t.Head, Api(t.Slug) + "/cases", Case(t.CounselAId), HttpStatusCode.Created);
        var other = await TownshipAsync(platform);

        // Their own routes do not find our ids.
        var api = Api(other.Slug);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Head.GetAsync($"{api}/reviews/{review.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Head.GetAsync($"{api}/meetings/{meeting.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Head.GetAsync($"{api}/meetings/{meeting.GetProperty("id").GetGuid()}/pack.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Head.GetAsync($"{api}/cases/{caseFiled.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Head.GetAsync($"{api}/retainers/{t.RetainerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostStepAsync(other.Head, api + "/meetings", meeting, "agenda", Agenda(review))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostStepAsync(other.CounselA, api + "/reviews", review, "opinion", Opinion("Lawful"))).StatusCode);
        Assert.Empty((await other.Head.GetFromJsonAsync<JsonElement>($"{api}/reviews")).GetProperty("rows").EnumerateArray());

        // Our township's routes do not admit them at all (the host answers as if the township were not there).
        Assert.Equal(HttpStatusCode.NotFound, (await other.Head.GetAsync($"{Api(t.Slug)}/reviews")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostStepAsync(other.Head, Api(t.Slug) + "/meetings", meeting, "agenda", Agenda(review))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostStepAsync(other.CounselA, Api(t.Slug) + "/reviews", review, "opinion", Opinion("Lawful"))).StatusCode);
        var after = await t.Head.GetFromJsonAsync<JsonElement>($"{Api(t.Slug)}/meetings/{meeting.GetProperty("id").GetGuid()}");
        Assert.Empty(after.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_counsels_phone_is_masked_and_revealed_only_with_a_reason()
    {
        var t = await TownshipAsync(platform);
        var retainer = await t.Head.GetFromJsonAsync<JsonElement>($"{Api(t.Slug)}/retainers/{t.RetainerId}");
        var phone = retainer.GetProperty("counsel")[0].GetProperty("phone").GetString()!;
        Assert.DoesNotContain(Phone, phone);
        Assert.EndsWith("2345", phone);

        var url = $"{Api(t.Slug)}/retainers/{t.RetainerId}/counsel/{t.CounselAId}/reveal";
        Assert.Equal(HttpStatusCode.BadRequest, (await t.Head.PostAsJsonAsync(url, new { field = "PhoneNumber", reason = "" })).StatusCode);
        var revealed = await t.Head.PostAsJsonAsync(url, new { field = "PhoneNumber", reason = "通知法律顾问参加会议" });
        Assert.Equal(Phone, (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
    }

    [Fact]
    public async Task Materials_take_only_real_documents_and_a_case_keeps_its_stages_and_hearings()
    {
        var t = await TownshipAsync(platform);
        var reviews = Api(t.Slug) + "/reviews";
        var review = await SubmitAsync(t, t.CounselAId);
        var pdf = Convert.ToBase64String("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"u8.ToArray());
        var fake = Convert.ToBase64String([0x4D, 0x5A, 0x90, 0x00, 0x03]);

        var refused = await RefusedAsync(t.Head, reviews, review, "files", new() { ["fileName"] = "合同.pdf", ["contentBase64"] = fake });
        Assert.True(refused.TryGetProperty("contentBase64", out _));
        review = await StepAsync(t.Head, reviews, review, "files", new() { ["fileName"] = @"C:\送审\合同.pdf", ["contentBase64"] = pdf });
        var file = Assert.Single(review.GetProperty("files").EnumerateArray());
        Assert.Equal("合同.pdf", file.GetProperty("fileName").GetString());
        var download = await t.CounselA.GetAsync($"{reviews}/{review.GetProperty("id").GetGuid()}/files/{file.GetProperty("id").GetGuid()}");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);

        var cases = Api(t.Slug) + "/cases";
        var filed = await PostAsync(t.Head, cases, Case(t.CounselAId), HttpStatusCode.Created);
        var today = DateOnly.FromDateTime(platform.Clock.GetUtcNow().UtcDateTime.AddHours(8)).ToString("yyyy-MM-dd");
        filed = await StepAsync(t.Head, cases, filed, "hearing", new() { ["hearingOn"] = today, ["note"] = "开庭" });
        Assert.True((await RefusedAsync(t.Head, cases, filed, "stage", new() { ["stage"] = "FirstInstance", ["court"] = "赫章县人民法院", ["caseNumber"] = "x", ["on"] = "2024-05-01" })).TryGetProperty("stage", out _));
        filed = await StepAsync(t.Head, cases, filed, "stage", new() { ["stage"] = "Appeal", ["court"] = "毕节市中级人民法院", ["caseNumber"] = "（2024）黔05行终120号", ["on"] = "2024-05-01" });
        Assert.Equal("Appeal", filed.GetProperty("stage").GetString());
        Assert.Equal(2, filed.GetProperty("stages").GetArrayLength());
        var home = await t.Head.GetFromJsonAsync<JsonElement>($"/api/t/{t.Slug}/home");
        Assert.Contains(home.GetProperty("dueItems").EnumerateArray(), i => i.GetProperty("item").GetProperty("title").GetProperty("chinese").GetString() == "开庭：（2024）黔05行终120号");
        filed = await StepAsync(t.Head, cases, filed, "outcome", new() { ["outcome"] = "驳回上诉，维持原判", ["on"] = "2024-09-25" });
        Assert.Equal("Concluded", filed.GetProperty("state").GetString());
    }

    public static Dictionary<string, object?> Case(Guid counselId) => new()
    {
        ["kind"] = "Administrative",
        ["court"] = "赫章县人民法院",
        ["caseNumber"] = "（2024）黔0527行初15号",
        ["cause"] = "诉镇人民政府强制拆除",
        ["position"] = "Defendant",
        ["stage"] = "FirstInstance",
        ["opposingParty"] = "张某某",
        ["counselId"] = counselId.ToString(),
        ["filedOn"] = "2024-03-09",
    };
}
