namespace Modular.Modules.OpenGovernment.Portal;

/// <summary>
/// Registers the Portal area: the anonymous API and feed. Its pages are routable components in Portal/Pages; the
/// read model it serves (PublishedPublication) is registered and maintained by the Publications area.
/// </summary>
[AreaOrder(25)]
internal sealed class PortalArea : IModuleArea
{
    public IEnumerable<NavigationEntry> Navigation =>
    [
        new(new("公开门户", "Public portal"), "portal", null, 50),
    ];

    // Run by Marten's start-up, once the schema (the portal's table among it) is applied.
    public void ConfigureServices(IServiceCollection services) => services.InitializeMartenWith<PortalEntryBackfill>();

    public void ConfigureMarten(StoreOptions options)
    {
        options.Storage.ExtendedSchemaObjects.Add(PortalEntries.Define(options.DatabaseSchemaName));
        options.Storage.ExtendedSchemaObjects.Add(PortalEntries.Search(options.DatabaseSchemaName));
    }

    public void MapPublicEndpoints(IEndpointRouteBuilder publicApi) => PortalEndpoints.Map(publicApi);
}
