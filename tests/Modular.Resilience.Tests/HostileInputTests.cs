using Modular.Resilience.Tests.Corpus;

namespace Modular.Resilience.Tests;

/// <summary>
/// Every operation of the OpenAPI document gets the hostile corpus, one kind per row: never a 5xx, every error
/// problem details, and the host's memory within <see cref="MemoryWatch.GrowthBudgetBytes"/> of where it started.
/// After the kinds that store text, every readable resource (lists, Word, Excel, the Atom feed) is read back.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class HostileInputTests(ResiliencePlatform platform, ITestOutputHelper output)
{
    public static TheoryData<string> Kinds => [.. HostileCorpus.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Hostile_input_of_every_kind_on_every_operation_answers_problem_details_never_a_server_error(string kind)
    {
        var world = await platform.WorldAsync();
        var generated = await new HostileCorpus(world).ProbesAsync(kind);
        var probes = generated.Where(p => KnownDefects.HeldBack(p) is null).ToList();
        foreach (var reason in generated.Select(KnownDefects.HeldBack).OfType<string>().Distinct())
        {
            output.WriteLine($"held back: {generated.Count(p => KnownDefects.HeldBack(p) == reason)} cases, {reason}");
        }

        Figures.Add("hostile inputs held back (known defects)", generated.Count - probes.Count);
        var runner = new ProbeRunner();
        await using (var memory = new MemoryWatch())
        {
            await runner.RunAsync(probes);
            if (kind == "megabyte-text")
            {
                // Which fields stored a megabyte: each one is read back in every list and document that shows it.
                foreach (var accepted in runner.Accepted)
                {
                    output.WriteLine($"stored: {accepted}");
                }

                Figures.Add("megabyte texts stored", runner.Accepted.Count);
            }

            if (kind.EndsWith("-text", StringComparison.Ordinal) || kind is "attachments" or "invalid-utf8")
            {
                await runner.RunAsync(await ReadEverythingAsync(world, kind));
            }

            output.WriteLine($"{kind}: working set {MemoryWatch.Megabytes(memory.Baseline)} → peak {MemoryWatch.Megabytes(memory.Peak)} (budget +{MemoryWatch.Megabytes(MemoryWatch.GrowthBudgetBytes)})");
            Figures.Add("hostile inputs", probes.Count);
            Figures.Write(output);
            runner.AssertClean(output, kind);
            Assert.True(memory.Growth <= MemoryWatch.GrowthBudgetBytes, $"{kind}: the working set grew by {MemoryWatch.Megabytes(memory.Growth)}, over the budget of {MemoryWatch.Megabytes(MemoryWatch.GrowthBudgetBytes)}");
        }
    }

    /// <summary>Whatever the corpus managed to store must not break a reader: every GET of township A, anonymous for the public ones.</summary>
    private static async Task<List<Probe>> ReadEverythingAsync(ResilienceWorld world, string kind)
    {
        var probes = new List<Probe>();
        foreach (var operation in world.Operations.Where(o => o.IsRead && o.IsTownshipRoute))
        {
            var path = await world.RoutesA.ResolveAsync(operation.Path);
            probes.Add(new Probe(operation, $"read back after {kind}", "GET", path, () => null, operation.IsPublic ? world.Anonymous : world.FullA));
        }

        return probes;
    }
}
