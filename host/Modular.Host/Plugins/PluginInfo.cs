using Modular.Contracts.Modules;

namespace Modular.Host.Plugins;

public enum PluginState
{
    Loaded,
    Failed,
}

/// <summary>What the host found in one folder of the plugins path, for the admin modules page and API.</summary>
public sealed record PluginInfo(
    string Folder,
    string? Assembly,
    string? Version,
    ModuleManifest? Manifest,
    PluginState State,
    string? Error)
{
    public string? Id => Manifest?.Id;
}
