using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// What the platform holds once stays once when eight admins press "save" at the same instant, twenty times over:
/// exactly one is created, the others get the same 409 a second request gets later, none a 500.
/// </summary>
[Collection(NotebookPlatformCollection.Name)]
public sealed class UniquenessRaceTests(NotebookPlatform platform)
{
    private const int Rounds = 20;
    private const int Parallel = 8;

    [Fact]
    public async Task Townships_registered_at_the_same_instant_with_one_slug_give_one_township()
    {
        var admin = await platform.AdminClientAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var slug = Scenario.UniqueSlug("r");
            var answers = await RaceAsync(() => admin.PostAsJsonAsync("/api/admin/townships", Township(slug, Scenario.UniqueCode())));

            await AssertOneCreatedAsync(answers, "标识");
        }
    }

    [Fact]
    public async Task Townships_registered_at_the_same_instant_with_one_code_give_one_township()
    {
        var admin = await platform.AdminClientAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var code = Scenario.UniqueCode();
            var answers = await RaceAsync(() => admin.PostAsJsonAsync("/api/admin/townships", Township(Scenario.UniqueSlug("r"), code)));

            await AssertOneCreatedAsync(answers, "区划代码");
            var townships = await admin.GetFromJsonAsync<JsonElement>("/api/admin/townships");
            Assert.Single(townships.EnumerateArray(), t => t.GetProperty("code").GetString() == code);
        }
    }

    [Fact]
    public async Task Users_created_at_the_same_instant_with_one_name_give_one_user()
    {
        var admin = await platform.AdminClientAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var userName = Scenario.UniqueSlug("u");
            var answers = await RaceAsync(() => admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = "并发用户", password = Scenario.Password }));

            await AssertOneCreatedAsync(answers, "用户名");
        }
    }

    private static object Township(string slug, string code) => new { slug, name = "并发镇", code, countyCode = "520527", countyName = "赫章县" };

    private static async Task<HttpResponseMessage[]> RaceAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var start = new Barrier(Parallel);
        return await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await send();
        })));
    }

    private static async Task AssertOneCreatedAsync(HttpResponseMessage[] answers, string named)
    {
        var statuses = answers.Select(a => (int)a.StatusCode).Order().ToList();
        Assert.Equal([201, .. Enumerable.Repeat(409, Parallel - 1)], statuses);
        foreach (var refused in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Contains(named, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
