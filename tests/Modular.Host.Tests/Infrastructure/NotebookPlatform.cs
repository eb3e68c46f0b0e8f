using Modular.Testing;

namespace Modular.Host.Tests.Infrastructure;

/// <summary>The ordinary test host: only the sample module installed. Shared by the tests of one collection.</summary>
public sealed class NotebookPlatform() : PlatformFactory(TestPlugins.NotebookRoot);

[CollectionDefinition(Name)]
public sealed class NotebookPlatformCollection : ICollectionFixture<NotebookPlatform>
{
    public const string Name = "notebook platform";
}
