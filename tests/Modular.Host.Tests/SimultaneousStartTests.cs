using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Modular.Host.Identity;
using Modular.Host.Tests.Infrastructure;
using Modular.Host.Townships;
using Modular.Testing;

namespace Modular.Host.Tests;

/// <summary>
/// Two hosts started at the same moment on one fresh database: the start-up work (the administrator, the demo township
/// and its staff, the claims backfill) is done once, both hosts come up, and each serves the same platform.
/// </summary>
public sealed class SimultaneousStartTests
{
    [Fact]
    public async Task Two_hosts_starting_together_on_a_fresh_database_seed_it_once_and_both_serve_it()
    {
        var database = await TestDatabase.CreateDatabaseAsync("simultaneous");
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using var first = new PlatformFactory(TestPlugins.NotebookRoot, database: database, demo: true) { KeyEncryptionKey = key };
        await using var second = new PlatformFactory(TestPlugins.NotebookRoot, database: database, demo: true) { KeyEncryptionKey = key };

        // Each on a thread of its own: building a host blocks until it has started.
        await Task.WhenAll(Task.Run(((IAsyncLifetime)first).InitializeAsync), Task.Run(((IAsyncLifetime)second).InitializeAsync));

        await using var session = first.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Single(await session.Query<UserAccount>().Where(u => u.UserName == "admin").ToListAsync());
        Assert.Single(await session.Query<TownshipRecord>().ToListAsync());
        var users = await session.Query<UserAccount>().ToListAsync();
        Assert.Equal(users.Count, users.Select(u => u.UserName).Distinct().Count());
        foreach (var host in new[] { first, second })
        {
            using var admin = await host.AdminClientAsync();
            var townships = await admin.GetFromJsonAsync<JsonElement>("/api/admin/townships");
            Assert.Equal(1, townships.GetArrayLength());
        }
    }
}
