using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Modules;
using Modular.Kit.Modules;
using Modular.Modules.LegalServices.Matters.Steps;

namespace Modular.Modules.LegalServices.Matters;

/// <summary>
/// Everything the Matters area registers, in one place beside its code: the kit finds this class in the assembly and
/// hands it every hook of the module. A second area is a second folder with its own <c>IModuleArea</c>.
/// </summary>
[AreaOrder(10)]
internal sealed class MattersArea : IModuleArea
{
    public IEnumerable<NavigationEntry> Navigation => [new(new("事项", "Matters"), "matters", Permissions.MattersRead, 10)];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<MatterQueries>();
        services.AddScoped<OpenMatter>();
        services.AddScoped<CloseMatter>();
        // Extension points go here too: IDashboardFigures, IDeadlineSource (deadlines through IStatutoryClock),
        // IAnnualReportSections, IIntegrationEventHandler<T>, IDemoData.
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<MatterOpened>("legal-services.matter-opened.v1");
        options.Events.MapEventType<MatterClosed>("legal-services.matter-closed.v1");
        options.Projections.Snapshot<Matter>(SnapshotLifecycle.Inline);
        options.Schema.For<MatterNumberCounter>().UseOptimisticConcurrency(true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var matters = api.MapGroup("/matters");
        matters.MapGet("", MatterQueries.ListEndpointAsync).RequireAuthorization(Permissions.MattersRead);
        matters.MapPost("", OpenMatter.EndpointAsync).RequireAuthorization(Permissions.MattersWrite).ProducesValidationProblem();
        matters.MapGet("/{id:guid}", MatterQueries.GetEndpointAsync).RequireAuthorization(Permissions.MattersRead);
        matters.MapGet("/{id:guid}/timeline", MatterQueries.TimelineEndpointAsync).RequireAuthorization(Permissions.MattersRead);
        matters.MapPost($"/{{id:guid}}/{CloseMatter.Step}", CloseMatter.EndpointAsync).RequireAuthorization(Permissions.MattersWrite);
    }
}
