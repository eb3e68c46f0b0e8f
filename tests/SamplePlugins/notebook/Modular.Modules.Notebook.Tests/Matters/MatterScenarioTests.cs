using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Kit;

namespace Modular.Modules.Notebook.Tests.Matters;

/// <summary>
/// The area's main path through the API and its page, as a township clerk meets it. Each test sets up its own township.
/// TODO: one test per rule of the statute, named as a sentence of the domain.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class MatterScenarioTests(NotebookPlatform platform)
{
    [Fact]
    public async Task A_clerk_records_a_matter_and_closes_it_once_with_its_outcome()
    {
        var (_, township, clerk) = await platform.TownshipWithUserAsync([NotebookPlatform.Module], NotebookPlatform.Clerk);
        var matters = $"/api/t/{township}/notebook/matters";
        var today = TownshipTime.Format(TownshipTime.Today(platform.Clock));

        var opened = await clerk.PostAsJsonAsync(matters, new { title = "村道维修协调", openedOn = today });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var matter = await opened.Content.ReadFromJsonAsync<JsonElement>();
        var id = matter.GetProperty("id").GetGuid();
        Assert.Equal(["close"], matter.GetProperty("allowed").EnumerateArray().Select(s => s.GetString()));

        // Every refusal at once, each named by its field.
        var refused = await clerk.PostAsJsonAsync($"{matters}/{id}/close", new { version = matter.GetProperty("version").GetInt64(), closedOn = "2999-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("closedOn", out _));
        Assert.True(errors.TryGetProperty("outcome", out _));

        var closed = await clerk.PostAsJsonAsync($"{matters}/{id}/close", new { version = matter.GetProperty("version").GetInt64(), closedOn = today, outcome = "已协调修复" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var after = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Closed", after.GetProperty("state").GetString());

        // A closed matter is not closed again: the step table refuses it with the state error.
        var again = await clerk.PostAsJsonAsync($"{matters}/{id}/close", new { version = after.GetProperty("version").GetInt64(), closedOn = today, outcome = "再次办结" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("state", out _));

        var page = await clerk.GetAsync($"/t/{township}/notebook/matters/{id}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(matter.GetProperty("number").GetString()!, await page.Content.ReadAsStringAsync());
    }
}
