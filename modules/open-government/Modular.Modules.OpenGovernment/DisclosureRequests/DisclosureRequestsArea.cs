using Modular.Contracts.OpenGovernment;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>Registers the DisclosureRequests area (依申请公开): its services, Marten types and endpoints.</summary>
[AreaOrder(30)]
internal sealed class DisclosureRequestsArea : IModuleArea
{
    public IEnumerable<NavigationEntry> Navigation =>
    [
        new(new("依申请公开", "Disclosure requests"), "requests", Permissions.RequestsRead, 30),
    ];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<ReplyClock>();
        services.AddScoped<RequestQueries>();
        services.AddScoped<ReceiveRequest>();
        services.AddScoped<CorrectionNotice>();
        services.AddScoped<Extension>();
        services.AddScoped<ThirdPartyConsultation>();
        services.AddScoped<AnswerRequest>();
        services.AddScoped<RevealApplicantData>();
        services.AddScoped<StatusLookup>();
        services.AddScoped<ReplyLetter>();
        services.AddScoped<IDashboardFigures, RequestFigures>();
        services.AddScoped<IDeadlineSource, RequestDeadlines>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<DisclosureRequestReceived>("open-government.disclosure-request-received.v1");
        options.Events.MapEventType<CorrectionNoticeSent>("open-government.correction-notice-sent.v1");
        options.Events.MapEventType<CorrectedRequestReceived>("open-government.corrected-request-received.v1");
        options.Events.MapEventType<ReplyPeriodExtended>("open-government.reply-period-extended.v1");
        options.Events.MapEventType<ThirdPartyConsultationStarted>("open-government.third-party-consultation-started.v1");
        options.Events.MapEventType<ThirdPartyConsultationEnded>("open-government.third-party-consultation-ended.v1");
        options.Events.MapEventType<DisclosureRequestAnswered>("open-government.disclosure-request-answered.v1");
        options.Projections.Snapshot<DisclosureRequest>(SnapshotLifecycle.Inline);
        options.Schema.For<DisclosureRequest>()
            .Index(r => r.Number)
            .Index(r => r.State)
            .Index(r => r.IsOpen)
            .Index(r => r.Year);
        // The tracking-number counter is versioned: two requests arriving together cannot take the same number.
        options.Schema.For<RequestNumberCounter>().UseOptimisticConcurrency(true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var requests = api.MapGroup("/requests");
        requests.MapGet("", RequestEndpoints.ListAsync).RequireAuthorization(Permissions.RequestsRead);
        requests.MapPost("", ReceiveRequest.StaffEndpointAsync).RequireAuthorization(Permissions.RequestsHandle);
        requests.MapGet("/{id:guid}", RequestEndpoints.GetAsync).RequireAuthorization(Permissions.RequestsRead);
        requests.MapGet("/{id:guid}/timeline", RequestEndpoints.TimelineAsync).RequireAuthorization(Permissions.RequestsRead);
        requests.MapGet("/{id:guid}/reply-letter.docx", ReplyLetter.EndpointAsync).RequireAuthorization(Permissions.RequestsRead);
        requests.MapPost("/{id:guid}/reveal", RequestEndpoints.RevealAsync).RequireAuthorization(Permissions.RequestsHandle);
        requests.MapPost($"/{{id:guid}}/{RequestSteps.CorrectionNotice}", (Guid id, SendCorrectionNoticeInput input, CorrectionNotice handler, RequestQueries queries, CancellationToken ct) =>
            RequestEndpoints.StepAsync(id, () => handler.SendAsync(id, input, ct), queries, ct)).RequireAuthorization(Permissions.RequestsHandle);
        requests.MapPost($"/{{id:guid}}/{RequestSteps.CorrectedRequest}", (Guid id, ReceiveCorrectionInput input, CorrectionNotice handler, RequestQueries queries, CancellationToken ct) =>
            RequestEndpoints.StepAsync(id, () => handler.ReceiveCorrectionAsync(id, input, ct), queries, ct)).RequireAuthorization(Permissions.RequestsHandle);
        requests.MapPost($"/{{id:guid}}/{RequestSteps.Extension}", (Guid id, ExtendReplyInput input, Extension handler, RequestQueries queries, CancellationToken ct) =>
            RequestEndpoints.StepAsync(id, () => handler.ExtendAsync(id, input, ct), queries, ct)).RequireAuthorization(Permissions.RequestsHandle);
        requests.MapPost($"/{{id:guid}}/{RequestSteps.StartConsultation}", (Guid id, StartConsultationInput input, ThirdPartyConsultation handler, RequestQueries queries, CancellationToken ct) =>
            RequestEndpoints.StepAsync(id, () => handler.StartAsync(id, input, ct), queries, ct)).RequireAuthorization(Permissions.RequestsHandle);
        requests.MapPost($"/{{id:guid}}/{RequestSteps.EndConsultation}", (Guid id, EndConsultationInput input, ThirdPartyConsultation handler, RequestQueries queries, CancellationToken ct) =>
            RequestEndpoints.StepAsync(id, () => handler.EndAsync(id, input, ct), queries, ct)).RequireAuthorization(Permissions.RequestsHandle);
        requests.MapPost($"/{{id:guid}}/{RequestSteps.Reply}", (Guid id, AnswerRequestInput input, AnswerRequest handler, RequestQueries queries, CancellationToken ct) =>
            RequestEndpoints.StepAsync(id, () => handler.AnswerAsync(id, input, ct), queries, ct)).RequireAuthorization(Permissions.RequestsHandle);
    }

    public void MapPublicEndpoints(IEndpointRouteBuilder publicApi)
    {
        // Forms and personal answers: never output-cached.
        publicApi.MapPost("/requests", ReceiveRequest.PublicEndpointAsync);
        publicApi.MapGet("/requests/status", StatusLookup.EndpointAsync);
    }
}
