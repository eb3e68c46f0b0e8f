using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Modular.Kit;
using Modular.Testing;

namespace Modular.Template.Tests;

/// <summary>
/// What a newcomer does with the template, end to end: install it, generate a module, build it under the repository's
/// rules, and find it working in the real host (page, API, step table). One test, because the build is the slow part.
/// </summary>
public sealed partial class GeneratedModuleTests
{
    private const string Name = "TemplateProbe";
    private const string ModuleId = "template-probe";
    private const string ChineseName = "模板检验";
    private const string Assembly = "Modular.Modules." + Name;

    private static string RepoRoot => Metadata("Modular.RepoRoot");

    private static string Configuration => Metadata("Modular.Configuration");

    // Under artifacts/ (git-ignored, skipped by the architecture tests, in no solution) and deep enough that the
    // template's $(RepoRoot) paths, not ../../../, are what make its references resolve.
    private static string Work => Path.Combine(RepoRoot, "artifacts", "template-test");

    [Fact(Timeout = 20 * 60 * 1000)]
    public async Task A_module_generated_from_the_template_builds_loads_and_serves_its_page_and_its_steps()
    {
        var plugins = await GenerateAndBuildAsync();

        await using var platform = new PlatformFactory(plugins);
        await platform.InitializeAsync();
        var admin = await platform.AdminClientAsync();
        var modules = await admin.GetFromJsonAsync<JsonElement>("/api/admin/modules");
        var module = modules.EnumerateArray().Single(m => m.GetProperty("assembly").GetString() == Assembly);
        Assert.True(module.GetProperty("state").GetString() == "loaded", $"The generated module did not load: {module}");
        Assert.Equal(ModuleId, module.GetProperty("id").GetString());

        var township = await Scenario.CreateTownshipAsync(admin, ModuleId);
        var clerk = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, township, $"{ModuleId}.clerk"), Scenario.Password);
        var today = TownshipTime.Format(TownshipTime.Today(platform.Clock));

        // The page: the module's name as its heading, and its form refusing a blank title beside the field.
        var page = await clerk.GetAsync($"/t/{township}/{ModuleId}/matters");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"<h1 id=\"module-title\">{ChineseName}</h1>", html);
        var posted = await clerk.PostAsync($"/t/{township}/{ModuleId}/matters", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "open-matter",
            ["__RequestVerificationToken"] = AntiforgeryToken(html),
            ["Form.Title"] = "",
            ["Form.OpenedOn"] = today,
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("data-field=\"title\"", await posted.Content.ReadAsStringAsync());

        // The API: a matter recorded and numbered, a step refused field by field, the step taken, then refused out of turn.
        var api = $"/api/t/{township}/{ModuleId}/matters";
        var blank = await clerk.PostAsJsonAsync(api, new { title = "", openedOn = "2999-01-01" });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal(["openedOn", "title"], ErrorFields(await blank.Content.ReadFromJsonAsync<JsonElement>()));

        var created = await clerk.PostAsJsonAsync(api, new { title = "模板生成的事项", openedOn = today });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var matter = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = matter.GetProperty("id").GetGuid();
        Assert.Matches(@"^\d{4}-0001$", matter.GetProperty("number").GetString());
        Assert.Equal("Open", matter.GetProperty("state").GetString());

        // The step's form on the record's page: refused beside its field, the matter unchanged.
        var refusedOnPage = await PostStepFormAsync(clerk, township, id, Version(matter), today, outcome: "");
        Assert.Contains("data-field=\"outcome\"", refusedOnPage);

        var bad = await clerk.PostAsJsonAsync($"{api}/{id}/close", new { version = Version(matter), closedOn = today, outcome = " " });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["outcome"], ErrorFields(await bad.Content.ReadFromJsonAsync<JsonElement>()));

        var closed = await clerk.PostAsJsonAsync($"{api}/{id}/close", new { version = Version(matter), closedOn = today, outcome = "办结" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var now = await closed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Closed", now.GetProperty("state").GetString());
        Assert.Empty(now.GetProperty("allowed").EnumerateArray());

        var outOfTurn = await clerk.PostAsJsonAsync($"{api}/{id}/close", new { version = Version(now), closedOn = today, outcome = "再办结一次" });
        Assert.Equal(HttpStatusCode.BadRequest, outOfTurn.StatusCode);
        Assert.Equal(["state"], ErrorFields(await outOfTurn.Content.ReadFromJsonAsync<JsonElement>()));

        // A form posted from a page read before the matter was closed is still answered, with the state error above it.
        Assert.Contains("当前状态为", await PostStepFormAsync(clerk, township, id, Version(now), today, outcome: "再办结一次"));

        var stale = await clerk.PostAsJsonAsync($"{api}/{id}/close", new { version = Version(matter), closedOn = today, outcome = "旧版本" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // The history under the aliases the module registered, and the record's page showing it closed.
        var timeline = await clerk.GetFromJsonAsync<JsonElement>($"{api}/{id}/timeline");
        Assert.Equal([$"{ModuleId}.matter-opened.v1", $"{ModuleId}.matter-closed.v1", $"{ModuleId}.matter-closing-reported.v1"], timeline.EnumerateArray().Select(e => e.GetProperty("event").GetString()));
        var record = await clerk.GetStringAsync($"/t/{township}/{ModuleId}/matters/{id}");
        Assert.Contains("data-state=\"Closed\"", record);
        Assert.Contains($"data-event=\"{ModuleId}.matter-closed.v1\"", record);

        // A reader of the township reads but cannot write; another township does not see the matter at all.
        var reader = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, township, $"{ModuleId}.reader"), Scenario.Password);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"{api}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync(api, new { title = "不可登记", openedOn = today })).StatusCode);
        var other = await Scenario.CreateTownshipAsync(admin, ModuleId);
        var stranger = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, other, $"{ModuleId}.clerk"), Scenario.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/t/{other}/{ModuleId}/matters/{id}")).StatusCode);

        Directory.Delete(Path.Combine(Work, "modules"), recursive: true);
    }

    /// <summary>Installs the template into a private hive, generates the module, builds it and its test project, checks its format; answers the plugins root.</summary>
    private static async Task<string> GenerateAndBuildAsync()
    {
        if (Directory.Exists(Work))
        {
            Directory.Delete(Work, recursive: true);
        }

        var hive = Path.Combine(Work, "hive");
        var output = Path.Combine(Work, "modules", ModuleId);
        var plugins = Path.Combine(Work, "plugins");
        Directory.CreateDirectory(Work);
        await DotnetCli.RunAsync(Work, "new", "install", Path.Combine(RepoRoot, "templates", "modular-module"), "--debug:custom-hive", hive);
        await DotnetCli.RunAsync(Work, "new", "modular-module", "-n", Name, "--id", ModuleId, "--display-zh", ChineseName, "--display-en", "Template probe",
            "-o", output, "--debug:custom-hive", hive);

        // Contracts, the kit, the host and Modular.Testing are already built (this project references them): building
        // them again would reinstall the sample plugins under the feet of tests running beside this one. The plugin is
        // installed into this test's own plugins root, never into artifacts/plugins, which the run command loads.
        string[] build = ["build", "-c", Configuration, "-nologo", "--disable-build-servers", "-p:BuildProjectReferences=false", $"-p:ModularPluginsRoot={plugins}/"];
        await DotnetCli.RunAsync(Work, [.. build, Path.Combine(output, Assembly, Assembly + ".csproj")]);
        await DotnetCli.RunAsync(Work, [.. build, Path.Combine(output, Assembly + ".Tests", Assembly + ".Tests.csproj")]);
        await DotnetCli.RunAsync(Work, "format", Path.Combine(output, Assembly, Assembly + ".csproj"), "--verify-no-changes");

        Assert.True(File.Exists(Path.Combine(plugins, Assembly, Assembly + ".dll")), $"The build did not install the plugin into {plugins}.");
        Assert.False(File.Exists(Path.Combine(plugins, Assembly, "Modular.Kit.dll")), "The plugin folder carries its own copy of the kit.");
        return plugins;
    }

    /// <summary>
    /// Posts the close step's form to the record's page as the browser would (its form name, an antiforgery token of the
    /// session: the list page's, since a closed matter's page has no form left); answers the page.
    /// </summary>
    private static async Task<string> PostStepFormAsync(HttpClient client, string township, Guid id, long version, string closedOn, string outcome)
    {
        var html = await client.GetStringAsync($"/t/{township}/{ModuleId}/matters");
        var posted = await client.PostAsync($"/t/{township}/{ModuleId}/matters/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "close",
            ["__RequestVerificationToken"] = AntiforgeryToken(html),
            ["Form.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.ClosedOn"] = closedOn,
            ["Form.Outcome"] = outcome,
        }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        return await posted.Content.ReadAsStringAsync();
    }

    private static long Version(JsonElement matter) => matter.GetProperty("version").GetInt64();

    private static IEnumerable<string> ErrorFields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

    private static string AntiforgeryToken(string html) =>
        TokenInput().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page's form carries no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    private static string Metadata(string key) =>
        typeof(GeneratedModuleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
