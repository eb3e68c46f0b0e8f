using Microsoft.AspNetCore.Hosting;
using Modular.Testing;

namespace Modular.Host.Tests.Infrastructure;

/// <summary>
/// The notebook host with two township databases besides the platform's, all three databases of the test cluster:
/// <c>north</c> and <c>south</c>, new townships placed on them by the placement rule. On Kestrel: a real socket, as
/// <c>move-township</c> run as a process of its own finds a serving host.
/// </summary>
public sealed class SeveralDatabasesPlatform() : PlatformFactory(TestPlugins.NotebookRoot, kestrel: true), IAsyncLifetime
{
    public IReadOnlyDictionary<string, string> Databases { get; private set; } = new Dictionary<string, string>();

    async Task IAsyncLifetime.InitializeAsync()
    {
        Databases = new Dictionary<string, string>
        {
            ["north"] = await TestDatabase.CreateDatabaseAsync("north"),
            ["south"] = await TestDatabase.CreateDatabaseAsync("south"),
        };
        await InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (id, connectionString) in Databases)
        {
            builder.UseSetting($"Modular:Databases:{id}:ConnectionString", connectionString);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SeveralDatabasesCollection : ICollectionFixture<SeveralDatabasesPlatform>
{
    public const string Name = "several databases";
}
