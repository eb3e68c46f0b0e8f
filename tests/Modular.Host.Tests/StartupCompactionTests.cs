using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Hosting;
using Modular.Host.Tests.Infrastructure;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// The start's one compacting collection comes after all of its work (the seeding and the claims backfill) and before
/// the server serves: otherwise the garbage of a later stage would stay committed, or the first requests would wait
/// on a full collection.
/// </summary>
public sealed class StartupCompactionTests
{
    [Fact]
    public async Task A_host_that_seeded_the_demo_compacts_its_heap_after_the_seeding_and_the_claims_and_before_it_serves()
    {
        await using var platform = new PlatformFactory(TestPlugins.NotebookRoot, demo: true);
        await ((IAsyncLifetime)platform).InitializeAsync();
        using var client = platform.CreateClient();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.True(ready.IsSuccessStatusCode);

        var stages = platform.Services.GetRequiredService<StartupTimeline>().Stages.Select(s => s.Stage).ToList();
        var compaction = stages.IndexOf("compaction");
        Assert.True(compaction > stages.IndexOf("seed"), string.Join(", ", stages));
        Assert.True(compaction > stages.IndexOf("claims"), string.Join(", ", stages));
        Assert.True(stages.IndexOf("seed") >= 0 && stages.IndexOf("claims") >= 0, string.Join(", ", stages));
        Assert.True(compaction < stages.IndexOf("server"), string.Join(", ", stages));
    }
}
