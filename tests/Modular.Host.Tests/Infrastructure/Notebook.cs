using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Plugins;
using Modular.Kit;
using Modular.Testing;

namespace Modular.Host.Tests.Infrastructure;

/// <summary>
/// The sample notebook (tests/SamplePlugins/notebook, the module template's output) as the host tests use it: matters
/// recorded and closed through its API by a clerk, and its figures read from the township's home page.
/// </summary>
internal static class Notebook
{
    public const string Id = "notebook";
    public const string Clerk = "notebook.clerk";
    public const string Reader = "notebook.reader";

    public static string Matters(string slug) => $"/api/t/{slug}/notebook/matters";

    public static string PublicSummary(string slug) => $"/api/t/{slug}/notebook/public/summary";

    public static string Today(PlatformFactory platform) => TownshipTime.Format(TownshipTime.Today(platform.Clock));

    public static Task<HttpResponseMessage> PostMatterAsync(HttpClient client, string slug, string title, string openedOn, string? phone = null) =>
        client.PostAsJsonAsync(Matters(slug), new { title, openedOn, phone });

    public static async Task<JsonElement> OpenMatterAsync(HttpClient clerk, string slug, string title, string openedOn, string? phone = null)
    {
        var opened = await PostMatterAsync(clerk, slug, title, openedOn, phone);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return await opened.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Closes the matter at the version it was read at: the step that publishes the notebook's integration event.</summary>
    public static async Task CloseMatterAsync(HttpClient clerk, string slug, JsonElement matter, string closedOn)
    {
        var closed = await clerk.PostAsJsonAsync($"{Matters(slug)}/{matter.GetProperty("id").GetGuid()}/close",
            new { version = matter.GetProperty("version").GetInt64(), closedOn, outcome = "已办结" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
    }

    /// <summary>The home page's "closed this year": the count kept by the handler of the notebook's integration event.</summary>
    public static async Task<int> ClosedThisYearAsync(HttpClient client, string slug) =>
        int.Parse(Figure(await client.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home"), "本年办结的事项").GetProperty("value").GetString()!,
            System.Globalization.CultureInfo.InvariantCulture);

    public static JsonElement Figure(JsonElement home, string label) =>
        home.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("label").GetString() == label);

    /// <summary>
    /// Records a matter straight into the township's store, past the module's endpoints and so without emptying the
    /// public-page cache as they do; the notebook's own event types are the plugin's, found through the host's catalog.
    /// </summary>
    public static async Task RecordBehindTheModulesBackAsync(PlatformFactory platform, string slug, string title)
    {
        var module = platform.Services.GetRequiredService<ModuleCatalog>().Find(Id)!;
        var matterType = module.Assembly.GetType("Modular.Modules.Notebook.Matters.Matter", throwOnError: true)!;
        var openedType = module.Assembly.GetType("Modular.Modules.Notebook.Matters.MatterOpened", throwOnError: true)!;
        var id = Guid.NewGuid();
        var opened = Activator.CreateInstance(openedType, id, $"{id:N}", title, TownshipTime.Today(platform.Clock), null)!;
        await using var session = platform.Services.GetRequiredService<IDocumentStore>().LightweightSession(slug);
        session.Events.StartStream(matterType, id, opened);
        await session.SaveChangesAsync();
    }
}
