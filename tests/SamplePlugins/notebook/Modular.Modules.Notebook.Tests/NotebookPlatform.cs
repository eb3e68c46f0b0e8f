using Modular.Testing;

namespace Modular.Modules.Notebook.Tests;

/// <summary>
/// A host with only this module installed, on its own database, shared by the tests of one collection. The demo is on,
/// as in <c>./run.sh</c>: the demo township 野马川镇 gets the module and its demo records; every test makes its own township.
/// </summary>
public sealed class NotebookPlatform() : PlatformFactory(Plugins, demo: true)
{
    public const string Module = "notebook";
    public const string Clerk = "notebook.clerk";
    public const string Reader = "notebook.reader";

    public static string Plugins => TestPlugins.Set("notebook", "Modular.Modules.Notebook");
}

[CollectionDefinition(Name)]
public sealed class NotebookCollection : ICollectionFixture<NotebookPlatform>
{
    public const string Name = "notebook platform";
}
