namespace Modular.Host.Townships;

/// <summary>Endpoint metadata naming the module an endpoint belongs to, so the gate can refuse it where it is disabled.</summary>
public sealed record ModuleEndpoint(string ModuleId);
