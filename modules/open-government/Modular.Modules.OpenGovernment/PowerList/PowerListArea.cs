namespace Modular.Modules.OpenGovernment.PowerList;

/// <summary>Registers the PowerList area (权责清单): its services, Marten types and endpoints.</summary>
[AreaOrder(10)]
internal sealed class PowerListArea : IModuleArea
{
    public IEnumerable<NavigationEntry> Navigation =>
    [
        new(new("权责清单", "Power list"), "power-list", Permissions.PowerListRead, 10),
        new(new("清单调整", "List adjustments"), "power-list/proposals", Permissions.PowerListRead, 11),
    ];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<PowerListDesk>();
        services.AddScoped<PowerListImporter>();
        services.AddScoped<PowerListDemo>();
        services.AddScoped<IDemoData>(sp => sp.GetRequiredService<PowerListDemo>());
        services.AddScoped<IDashboardFigures, PowerListFigures>();
        services.AddScoped<IAnnualReportSections, PowerListReport>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<PowerListChangeProposed>("open-government.power-list-change-proposed.v1");
        options.Events.MapEventType<PowerListProposalApproved>("open-government.power-list-proposal-approved.v1");
        options.Events.MapEventType<PowerListProposalRejected>("open-government.power-list-proposal-rejected.v1");
        options.Events.MapEventType<PowerListAdjusted>("open-government.power-list-adjusted.v1");
        options.Projections.Snapshot<PowerListProposal>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<PowerListLedger>(SnapshotLifecycle.Inline);
        options.Schema.For<PowerListProposal>().Index(p => p.Status).Index(p => p.ProposedOn);
        // "In force on D" is ValidFrom <= D < ValidTo: one range scan of this township's part of the index. ValidTo
        // leads because the busiest question (today: portal, dashboard) then reads only the open versions, however
        // long the history behind them.
        options.Schema.For<PowerItemVersion>().Index(v => new { v.ValidTo, v.ValidFrom }).Index(v => v.Code);
    }

    // The public list is the portal page (PowerList/Pages/PortalPowerList.razor); no anonymous API is needed.
    public void MapEndpoints(IEndpointRouteBuilder api) => PowerListEndpoints.Map(api);
}
