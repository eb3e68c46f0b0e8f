using Modular.Contracts.Integration;
using Modular.Contracts.OpenGovernment;
using Modular.Contracts.Storage;
using Modular.Modules.Mediation.Petitions.Steps;

namespace Modular.Modules.Mediation.Petitions;

/// <summary>Registers the Petitions area (信访): its services, Marten types and endpoints.</summary>
[AreaOrder(20)]
internal sealed class PetitionsArea : IModuleArea
{
    public IEnumerable<NavigationEntry> Navigation => [new(new("信访事项", "Petitions"), "petitions", Permissions.PetitionsRead, 10)];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<PetitionClock>();
        services.AddScoped<PetitionQueries>();
        services.AddScoped<RegisterPetition>();
        services.AddScoped<PetitionStepContext>();
        services.AddScoped<OpinionLetter>();
        services.AddScoped<PetitionFigures>();
        services.AddScoped<IDashboardFigures, PetitionDashboard>();
        services.AddScoped<IDeadlineSource, PetitionDeadlines>();
        services.AddScoped<IDemoData, PetitionDemo>();
        services.AddScoped<IIntegrationEventHandler<DisclosureRequestFoundToBePetition>, PetitionHandedOver>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<PetitionRegistered>("mediation.petition-registered.v1");
        options.Events.MapEventType<PetitionObjected>("mediation.petition-objected.v1");
        options.Events.MapEventType<PetitionAccepted>("mediation.petition-accepted.v1");
        options.Events.MapEventType<PetitionClassified>("mediation.petition-classified.v1");
        options.Events.MapEventType<PetitionRedirected>("mediation.petition-redirected.v1");
        options.Events.MapEventType<InvestigationStarted>("mediation.petition-investigation-started.v1");
        options.Events.MapEventType<OpinionDeadlineExtended>("mediation.petition-opinion-deadline-extended.v1");
        options.Events.MapEventType<OpinionIssued>("mediation.petition-opinion-issued.v1");
        options.Events.MapEventType<ReviewRequested>("mediation.petition-review-requested.v1");
        options.Events.MapEventType<ReviewDecided>("mediation.petition-review-decided.v1");
        options.Projections.Snapshot<Petition>(SnapshotLifecycle.Inline);
        options.Schema.For<Petition>()
            .Index(p => p.Number)
            .Index(p => p.State)
            .Index(p => p.IsOpen)
            .Index(p => p.ReceivedOn);
        options.Schema.For<PetitionNumberCounter>().UseOptimisticConcurrency(true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var petitions = api.MapGroup("/petitions");
        petitions.MapGet("", PetitionEndpoints.ListAsync).RequireAuthorization(Permissions.PetitionsRead).LagTolerantRead();
        petitions.MapPost("", RegisterPetition.EndpointAsync).RequireAuthorization(Permissions.PetitionsHandle);
        petitions.MapGet("/figures", PetitionEndpoints.FiguresAsync).RequireAuthorization(Permissions.PetitionsRead).LagTolerantRead();
        petitions.MapGet("/{id:guid}", PetitionEndpoints.GetAsync).RequireAuthorization(Permissions.PetitionsRead);
        petitions.MapGet("/{id:guid}/timeline", PetitionEndpoints.TimelineAsync).RequireAuthorization(Permissions.PetitionsRead);
        petitions.MapGet("/{id:guid}/opinion.docx", OpinionLetter.EndpointAsync).RequireAuthorization(Permissions.PetitionsRead);
        petitions.MapPost("/{id:guid}/reveal", PetitionEndpoints.RevealAsync).RequireAuthorization(Permissions.PetitionsRead, Permissions.PersonalDataReveal);
        AcceptPetitionStep.Map(petitions);
        ObjectToPetitionStep.Map(petitions);
        ClassifyPetitionStep.Map(petitions);
        RedirectPetitionStep.Map(petitions);
        InvestigatePetitionStep.Map(petitions);
        ExtendDeadlineStep.Map(petitions);
        IssueOpinionStep.Map(petitions);
        RequestReviewStep.Map(petitions);
        DecideReviewStep.Map(petitions);
    }
}
