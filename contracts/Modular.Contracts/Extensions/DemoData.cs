namespace Modular.Contracts.Extensions;

/// <summary>
/// Fills the demo township with a module's sample records, so a new installation shows realistic work at once.
/// Called by the host for the demo township only (its sessions are opened for that township), each time the host
/// starts with the demo on: it must do nothing when its data is already there.
/// </summary>
public interface IDemoData
{
    Task SeedAsync(CancellationToken cancellationToken);
}
