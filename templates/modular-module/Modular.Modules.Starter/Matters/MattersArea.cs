using Microsoft.AspNetCore.Http;
using Modular.Contracts.Integration;
using Modular.Contracts.Portal;
using Modular.Modules.Starter.Matters.Steps;

namespace Modular.Modules.Starter.Matters;

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
        services.AddScoped<MatterClock>();
        services.AddScoped<MatterFigures>();
        services.AddScoped<OpenMatter>();
        services.AddScoped<CloseMatter>();
        services.AddScoped<RevealMatterPhone>();
        // The extension points, as ordinary services: the host keys them by module and asks them only where it is enabled.
        services.AddScoped<IDashboardFigures, MatterDashboard>();
        services.AddScoped<IDeadlineSource, MatterDeadlines>();
        services.AddScoped<IAnnualReportSections, MatterReportSection>();
        services.AddScoped<ICountyFigures, MatterCountyFigures>();
        services.AddScoped<IIntegrationEventHandler<MatterClosingReported>, CountClosedMatters>();
        services.AddScoped<IDemoData, MatterDemo>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<MatterOpened>("kit-sample.matter-opened.v1");
        options.Events.MapEventType<MatterClosed>("kit-sample.matter-closed.v1");
        options.Events.MapEventType<MatterClosingReported>("kit-sample.matter-closing-reported.v1");
        // Marten names a projection and a document table after the type alone; named after the module too, this module's
        // Matter never collides with another module's in the platform's one store.
        options.Projections.Snapshot<Matter>(SnapshotLifecycle.Inline, (ProjectionBase projection) => projection.Name = "kit_sample_matter");
        options.Schema.For<Matter>().DocumentAlias("kit_sample_matter");
        options.Schema.For<MatterNumberCounter>().DocumentAlias("kit_sample_matter_number_counter").UseOptimisticConcurrency(true);
        options.Schema.For<ClosedMatterTally>().DocumentAlias("kit_sample_closed_matter_tally");
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var matters = api.MapGroup("/matters");
        matters.MapGet("", MatterQueries.ListEndpointAsync).RequireAuthorization(Permissions.MattersRead);
        matters.MapPost("", OpenMatter.EndpointAsync).RequireAuthorization(Permissions.MattersWrite).ProducesValidationProblem();
        matters.MapGet("/{id:guid}", MatterQueries.GetEndpointAsync).RequireAuthorization(Permissions.MattersRead);
        matters.MapGet("/{id:guid}/timeline", MatterQueries.TimelineEndpointAsync).RequireAuthorization(Permissions.MattersRead);
        matters.MapPost("/{id:guid}/reveal", RevealMatterPhone.EndpointAsync).RequireAuthorization(Permissions.PersonalDataReveal);
        matters.MapPost($"/{{id:guid}}/{CloseMatter.Step}", CloseMatter.EndpointAsync).RequireAuthorization(Permissions.MattersWrite);
    }

    public void MapPublicEndpoints(IEndpointRouteBuilder publicApi) =>
        publicApi.MapGet("/summary", MatterPublicSummary.EndpointAsync).CacheOutput(PublicPages.Policy);
}
