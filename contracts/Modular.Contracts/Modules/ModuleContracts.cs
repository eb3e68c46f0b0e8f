namespace Modular.Contracts.Modules;

/// <summary>
/// Marks an interface in contracts as a service one module provides to the others (a module that records enforcement
/// work asks law-study whether its officers are qualified, without referencing it). The providing module registers
/// its implementation in <c>ConfigureServices</c> like any service; the host keys it by the module, and a consumer
/// reaches it only through <see cref="IModuleContract{T}"/>, which answers for the current township.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class ModuleContractAttribute : Attribute;

/// <summary>
/// A contract service (<see cref="ModuleContractAttribute"/>) as the current township sees it: the implementation of
/// the first installed module that provides it and is enabled in the township, or none. A consumer must treat
/// <see cref="Provider"/> being null as an answer ("that module is not enabled here"), never as permission.
/// </summary>
public interface IModuleContract<out T> where T : class
{
    /// <summary>The provider enabled in the current township; null when its module is off there or not installed.</summary>
    T? Provider { get; }

    /// <summary>The id of the module that provides it here, when one does.</summary>
    string? ProviderModuleId { get; }
}
