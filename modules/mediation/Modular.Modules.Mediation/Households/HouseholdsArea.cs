using Microsoft.AspNetCore.Http;
using Modular.Contracts.Storage;

namespace Modular.Modules.Mediation.Households;

/// <summary>Registers the Households area (人口信息台帐, 分户建档): its services, Marten types and endpoints.</summary>
[AreaOrder(40)]
internal sealed class HouseholdsArea : IModuleArea
{
    public IEnumerable<NavigationEntry> Navigation => [new(new("人口信息台帐", "Household ledger"), "households", Permissions.HouseholdsRead, 40)];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<HouseholdNumbers>();
        services.AddScoped<HouseholdQueries>();
        services.AddScoped<HouseholdLedger>();
        services.AddScoped<HouseholdExport>();
        services.AddScoped<ImportHouseholds>();
        services.AddScoped<HouseholdDirectory>();
        services.AddScoped<IDashboardFigures, HouseholdDashboard>();
        services.AddScoped<IDemoData, HouseholdDemo>();
        services.AddScoped<Modular.Kit.Steps.IHeldKeys, HouseholdKeys>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<HouseholdRegistered>("mediation.household-registered.v1");
        options.Events.MapEventType<HouseholdUpdated>("mediation.household-updated.v1");
        options.Events.MapEventType<MemberAdded>("mediation.household-member-added.v1");
        options.Events.MapEventType<MemberUpdated>("mediation.household-member-updated.v1");
        options.Events.MapEventType<MemberRemoved>("mediation.household-member-removed.v1");
        options.Events.MapEventType<HouseholdClosed>("mediation.household-closed.v1");
        options.Projections.Snapshot<Household>(SnapshotLifecycle.Inline);
        options.Schema.For<Household>()
            .Index(h => h.Number)
            .Index(h => h.Village)
            .Index(h => h.IsClosed);
        options.Schema.For<HouseholdNumberCounter>().UseOptimisticConcurrency(true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var households = api.MapGroup("/households");
        households.MapGet("", HouseholdEndpoints.ListAsync).RequireAuthorization(Permissions.HouseholdsRead).LagTolerantRead();
        households.MapPost("", HouseholdEndpoints.RegisterAsync).RequireAuthorization(Permissions.HouseholdsManage);
        households.MapGet("/special-groups", HouseholdEndpoints.SpecialGroupsAsync).RequireAuthorization(Permissions.HouseholdsRead);
        households.MapGet("/export.xlsx", HouseholdEndpoints.ExportAsync).RequireAuthorization(Permissions.HouseholdsRead).LagTolerantRead(); // as the list; the audit entry is the primary's
        households.MapGet("/template.xlsx", HouseholdEndpoints.Template).RequireAuthorization(Permissions.HouseholdsManage);
        // A multipart upload from API clients; the import page posts to itself with its antiforgery token instead.
        households.MapPost("/import", HouseholdEndpoints.ImportAsync).RequireAuthorization(Permissions.HouseholdsManage).DisableAntiforgery();
        households.MapGet("/{id:guid}", HouseholdEndpoints.GetAsync).RequireAuthorization(Permissions.HouseholdsRead);
        households.MapGet("/{id:guid}/timeline", HouseholdEndpoints.TimelineAsync).RequireAuthorization(Permissions.HouseholdsRead);
        Change<HouseholdInput>(households.MapPut, "", (ledger, id, _, input, ct) => ledger.UpdateAsync(id, input, ct));
        Change<ReasonInput>(households.MapPost, "/closure", (ledger, id, _, input, ct) => ledger.CloseAsync(id, input, ct));
        Change<MemberInput>(households.MapPost, "/members", async (ledger, id, _, input, ct) => await ledger.AddMemberAsync(id, input, ct) is not null);
        Change<MemberInput>(households.MapPut, "/members/{memberId:guid}", (ledger, id, memberId, input, ct) => ledger.UpdateMemberAsync(id, memberId, input, ct));
        Change<ReasonInput>(households.MapPost, "/members/{memberId:guid}/removal", (ledger, id, memberId, input, ct) => ledger.RemoveMemberAsync(id, memberId, input, ct));
        households.MapPost("/{id:guid}/members/{memberId:guid}/reveal", HouseholdEndpoints.RevealAsync).RequireAuthorization(Permissions.PersonalDataReveal);
    }

    private static void Change<TInput>(Func<string, Delegate, RouteHandlerBuilder> map, string path, Func<HouseholdLedger, Guid, Guid, TInput, CancellationToken, Task<bool>> change) =>
        map($"/{{id:guid}}{path}", (Guid id, Guid? memberId, TInput input, HouseholdLedger ledger, HouseholdQueries queries, CancellationToken ct) =>
            HouseholdEndpoints.ChangeAsync(id, () => change(ledger, id, memberId ?? Guid.Empty, input, ct), queries, ct)).RequireAuthorization(Permissions.HouseholdsManage);
}
