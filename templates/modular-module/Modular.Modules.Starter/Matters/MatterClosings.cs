using System.Globalization;
using Modular.Contracts.Integration;

namespace Modular.Modules.Starter.Matters;

/// <summary>
/// The integration event the close step publishes, appended to the matter's stream beside <see cref="MatterClosed"/> in
/// the same session, so it exists exactly when the closing does. A module publishes one when work elsewhere must follow a
/// step. An event meant for another module is declared in <c>Modular.Contracts</c> instead (modules cannot reference each
/// other) and handled there, as mediation's <c>MediationFailedInLegalAidMatter</c> is by legal aid. TODO: move it to
/// contracts for the module that needs it, or delete it with its handler.
/// </summary>
internal sealed record MatterClosingReported(Guid MatterId, string Number, DateOnly ClosedOn) : IIntegrationEvent;

/// <summary>How many matters were closed in a year, counted by <see cref="CountClosedMatters"/>: the home page's "closed this year".</summary>
internal sealed class ClosedMatterTally
{
    public string Id { get; set; } = "";

    public int Count { get; set; }

    public static string Key(int year) => year.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Handles the event after the step, in the host's daemon, in every township where the module is enabled. What it writes
/// through <see cref="IntegrationEventContext.Operations"/> commits with the subscription's progress, exactly once even
/// across a restart, so a plain counter stays true. A handler that throws sends the event to Marten's dead-letter table.
/// </summary>
internal sealed class CountClosedMatters : IIntegrationEventHandler<MatterClosingReported>
{
    public async Task HandleAsync(MatterClosingReported integrationEvent, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var key = ClosedMatterTally.Key(integrationEvent.ClosedOn.Year);
        var tally = await context.Operations.LoadAsync<ClosedMatterTally>(key, cancellationToken) ?? new ClosedMatterTally { Id = key };
        tally.Count++;
        context.Operations.Store(tally);
    }
}
