using Microsoft.AspNetCore.Builder;

namespace Modular.Contracts.Storage;

/// <summary>
/// Endpoint metadata: this read may be answered from a PostgreSQL streaming replica, which can be a moment behind the
/// primary (a portal page, a ledger, a figure). When the host has a read replica configured, the query sessions of a
/// GET or HEAD to such an endpoint read from it, and from the primary while it is away or has not yet replayed a change
/// announced to the caches (so a cache emptied by a commit is never refilled from before it); everything else (writes, a
/// page that must show the user's own change, sign-in, the daemon) always reads the primary. Pages:
/// <c>@attribute [LagTolerantRead]</c>; minimal APIs: <c>.LagTolerantRead()</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class LagTolerantReadAttribute : Attribute
{
    public static readonly LagTolerantReadAttribute Instance = new();
}

public static class LagTolerantReadExtensions
{
    /// <summary>Marks the endpoints as reads that may come from a read replica (<see cref="LagTolerantReadAttribute"/>).</summary>
    public static TBuilder LagTolerantRead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(LagTolerantReadAttribute.Instance);
}
