using Modular.Kit;
using Modular.Modules.Starter.Matters.Steps;

namespace Modular.Modules.Starter.Matters;

/// <summary>
/// The demo township's matters (<see cref="IDemoData"/>), so a new installation of <c>./run.sh</c> shows the module at
/// work before any clerk has used it. Recorded through the module's own intake and step, so they are numbered, timed
/// and published as a clerk's would be; the host calls it at every start, and it adds nothing once they are there.
/// TODO: a few records such as the township really keeps.
/// </summary>
internal sealed class MatterDemo(IQuerySession session, OpenMatter open, CloseMatter close, TimeProvider time) : IDemoData
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.Query<Matter>().AnyAsync(cancellationToken))
        {
            return;
        }

        var today = TownshipTime.Format(TownshipTime.Today(time));
        await open.OpenAsync(new OpenMatterInput { Title = "村道维修协调", OpenedOn = today }, cancellationToken);
        var closed = await open.OpenAsync(new OpenMatterInput { Title = "农田灌溉用水协调", OpenedOn = today }, cancellationToken);
        await close.RunAsync(closed, new CloseMatterInput { Version = 1, ClosedOn = today, Outcome = "已协调各方，按轮灌表用水" }, cancellationToken);
    }
}
