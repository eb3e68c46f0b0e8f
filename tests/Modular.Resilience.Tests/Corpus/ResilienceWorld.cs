using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Modules;
using Modular.Host.Plugins;
using Modular.Testing;

namespace Modular.Resilience.Tests.Corpus;

/// <summary>
/// The townships and principals every generated case runs against. Township A is the demo township with its records;
/// B is another township with the same modules; C had the modules and then had them turned off.
/// </summary>
internal sealed class ResilienceWorld
{
    public required IReadOnlyList<ApiOperation> Operations { get; init; }

    public required SampleBodies Bodies { get; init; }

    public required string TownshipA { get; init; }

    public required string TownshipB { get; init; }

    public required string TownshipC { get; init; }

    /// <summary>Every role of every module and township-admin in A: reaches every operation of A.</summary>
    public required HttpClient FullA { get; init; }

    public required HttpClient Admin { get; init; }

    public required HttpClient Anonymous { get; init; }

    /// <summary>Every role in B, none in A.</summary>
    public required HttpClient ForeignB { get; init; }

    /// <summary>Every role in C, whose modules are off.</summary>
    public required HttpClient DisabledC { get; init; }

    /// <summary>Per module: a member of A holding every role except that module's.</summary>
    public required IReadOnlyDictionary<string, HttpClient> WithoutModuleRole { get; init; }

    public required RouteValues RoutesA { get; init; }

    public static async Task<ResilienceWorld> CreateAsync(ResiliencePlatform platform)
    {
        var anonymous = platform.AnonymousClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var operations = ApiOperation.Read(document, out var schemas);

        var modules = platform.Services.GetRequiredService<ModuleCatalog>().Modules
            .ToDictionary(m => m.Id, m => m.Manifest.Roles);
        var moduleIds = modules.Keys.ToArray();
        string[] Roles(Func<string, bool> which) =>
            [PlatformRoles.TownshipAdmin, .. modules.Where(m => which(m.Key)).SelectMany(m => m.Value)];

        var admin = await platform.AdminClientAsync();
        const string a = "yemachuan";
        var full = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, a, Roles(_ => true)), Scenario.Password);

        var b = await Scenario.CreateTownshipAsync(admin, moduleIds);
        var foreign = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, b, Roles(_ => true)), Scenario.Password);

        var c = await Scenario.CreateTownshipAsync(admin, moduleIds);
        var disabled = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, c, Roles(_ => true)), Scenario.Password);
        foreach (var module in moduleIds)
        {
            await Scenario.SetModuleAsync(admin, c, module, enabled: false);
        }

        var without = new Dictionary<string, HttpClient>();
        foreach (var module in moduleIds)
        {
            without[module] = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, a, Roles(m => m != module)), Scenario.Password);
        }

        return new ResilienceWorld
        {
            Operations = operations,
            Bodies = new SampleBodies(schemas),
            TownshipA = a,
            TownshipB = b,
            TownshipC = c,
            FullA = full,
            Admin = admin,
            Anonymous = anonymous,
            ForeignB = foreign,
            DisabledC = disabled,
            WithoutModuleRole = without,
            RoutesA = new RouteValues(full, a),
        };
    }
}
