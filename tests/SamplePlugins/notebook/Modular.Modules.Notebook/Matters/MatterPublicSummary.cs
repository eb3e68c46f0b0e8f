using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit;
using Modular.Kit.Input;

namespace Modular.Modules.Notebook.Matters;

/// <summary>What anonymous visitors read: the period's counts, nothing about any person or any one matter.</summary>
internal sealed record MatterSummary(DateOnly From, DateOnly To, int Recorded, int Closed);

/// <summary>
/// The module's public (anonymous) endpoint. A module needs one when the township publishes something (a notice board,
/// a portal). It opts into the host's public-page cache (per township, language and query, a minute at most), so every
/// write that changes what it shows empties the township's cache (<see cref="OpenMatter"/>, the close step).
/// </summary>
internal static class MatterPublicSummary
{
    /// <summary><c>GET …/public/summary?from=&amp;to=</c>: the current calendar year by default; a bad day is a 400 naming its field.</summary>
    public static async Task<Ok<MatterSummary>> EndpointAsync(string? from, string? to, MatterFigures figures, TimeProvider time, CancellationToken ct)
    {
        var errors = new InputErrors();
        var period = Period.Read(from, to, TownshipTime.Today(time), errors);
        errors.ThrowIfAny();
        var f = await figures.ForAsync(period, ct);
        return TypedResults.Ok(new MatterSummary(period.From, period.To, f.Recorded, f.Closed));
    }
}
