using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;
using Modular.Contracts.Storage;
using Modular.Kit.Modules;
using Modular.Modules.LegalServices.Counsel.Cases;
using Modular.Modules.LegalServices.Counsel.Cases.Steps;
using Modular.Modules.LegalServices.Counsel.Meetings;
using Modular.Modules.LegalServices.Counsel.Meetings.Steps;
using Modular.Modules.LegalServices.Counsel.Retainers;
using Modular.Modules.LegalServices.Counsel.Reviews;
using Modular.Modules.LegalServices.Counsel.Reviews.Steps;

namespace Modular.Modules.LegalServices.Counsel;

/// <summary>
/// Registers legal counsel (法律顾问): the retainer and its counsel, legality review and the agenda gate (重大行政决策程序
/// 暂行条例 Arts 25–29, 33, applied to townships by Art 42), township meetings, cases represented, their figures.
/// </summary>
[AreaOrder(40)]
internal sealed class CounselArea : IModuleArea
{
    /// <summary>Everything of the area, every review request among it.</summary>
    public const string Read = "legal-services.counsel.read";

    /// <summary>Review requests: all of them with <see cref="Read"/>, otherwise only those sent to the user ("my reviews").</summary>
    public const string ReviewsRead = "legal-services.counsel.reviews.read";

    /// <summary>Retain counsel, send documents for review, hold meetings and their agendas, record cases.</summary>
    public const string Manage = "legal-services.counsel.manage";

    /// <summary>Answer a review sent to oneself.</summary>
    public const string Answer = "legal-services.counsel.answer";

    public IEnumerable<NavigationEntry> Navigation => [new(new("法律顾问", "Legal counsel"), "counsel", ReviewsRead, 40)];

    public IEnumerable<ModulePermission> Permissions =>
    [
        new(Read, new("查看法律顾问、合法性审查、会议议程和涉诉案件", "Read counsel, legality reviews, agendas and cases"),
            [LegalServices.Permissions.JudicialOfficeHeadRole, LegalServices.Permissions.StationClerkRole]),
        new(ReviewsRead, new("查看合法性审查（法律顾问只看送给本人的）", "Read legality reviews (counsel: those sent to them)"),
            [LegalServices.Permissions.JudicialOfficeHeadRole, LegalServices.Permissions.StationClerkRole, LegalServices.Permissions.CounselRole]),
        new(Manage, new("聘请法律顾问、送审、安排会议议程、登记涉诉案件", "Retain counsel, send for review, set agendas, record cases"),
            [LegalServices.Permissions.JudicialOfficeHeadRole]),
        new(Answer, new("对送给本人的文件出具合法性审查意见", "Answer the reviews sent to oneself"), [LegalServices.Permissions.CounselRole]),
    ];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<CounselSettingsStore>();
        services.AddScoped<CounselQueries>();
        services.AddScoped<CounselStepContext>();
        services.AddScoped<SignRetainer>();
        services.AddScoped<SubmitReview>();
        services.AddScoped<ScheduleMeeting>();
        services.AddScoped<RegisterCase>();
        services.AddScoped<CounselFigures>();
        services.AddScoped<IDashboardFigures, CounselDashboard>();
        services.AddScoped<IDeadlineSource, CounselDeadlines>();
        services.AddScoped<IAnnualReportSections, CounselReportSection>();
        services.AddScoped<IDemoData, CounselDemo>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<RetainerSigned>("legal-services.counsel-retainer-signed.v1");
        options.Events.MapEventType<CounselNamed>("legal-services.counsel-named.v1");
        options.Events.MapEventType<RetainerRenewed>("legal-services.counsel-retainer-renewed.v1");
        options.Events.MapEventType<CounselSettingsSet>("legal-services.counsel-settings-set.v1");
        options.Events.MapEventType<ReviewSubmitted>("legal-services.legality-review-submitted.v1");
        options.Events.MapEventType<ReviewResubmitted>("legal-services.legality-review-resubmitted.v1");
        options.Events.MapEventType<ReviewFileAttached>("legal-services.legality-review-file-attached.v1");
        options.Events.MapEventType<ReviewAnswered>("legal-services.legality-review-answered.v1");
        options.Events.MapEventType<ChangesMade>("legal-services.legality-review-changes-made.v1");
        options.Events.MapEventType<MeetingScheduled>("legal-services.meeting-scheduled.v1");
        options.Events.MapEventType<ItemPutOnAgenda>("legal-services.meeting-item-put-on-agenda.v1");
        options.Events.MapEventType<AgendaItemWithdrawn>("legal-services.meeting-item-withdrawn.v1");
        options.Events.MapEventType<CounselAttendanceRecorded>("legal-services.meeting-counsel-attendance-recorded.v1");
        options.Events.MapEventType<AgendaItemRefused>("legal-services.meeting-item-refused.v1");
        options.Events.MapEventType<CaseRegistered>("legal-services.counsel-case-registered.v1");
        options.Events.MapEventType<HearingScheduled>("legal-services.counsel-case-hearing-scheduled.v1");
        options.Events.MapEventType<CaseStageMoved>("legal-services.counsel-case-stage-moved.v1");
        options.Events.MapEventType<CaseConcluded>("legal-services.counsel-case-concluded.v1");
        options.Projections.Snapshot<Retainer>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<CounselSettings>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<LegalityReview>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<TownshipMeeting>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<GateRefusal>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<RepresentedCase>(SnapshotLifecycle.Inline);
        // The host leads every index with tenant_id: lists are newest first, figures select by the days, "my reviews" by name.
        options.Schema.For<LegalityReview>().Index(r => r.SubmittedOn).Index(r => r.LastStepOn).Index(r => r.State);
        options.Schema.For<TownshipMeeting>().Index(m => m.On);
        options.Schema.For<GateRefusal>().Index(g => g.On).Index(g => g.MeetingId);
        options.Schema.For<RepresentedCase>().Index(c => c.FiledOn).Index(c => c.State);
        options.Schema.For<ReviewFile>().Index(f => f.ReviewId);
        options.Schema.For<ReviewNumberCounter>().UseOptimisticConcurrency(true);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var counsel = api.MapGroup("/counsel");
        counsel.MapGet("/figures", CounselEndpoints.FiguresAsync).RequireAuthorization(Read).LagTolerantRead();
        counsel.MapGet("/settings", CounselSettingsStore.GetEndpointAsync).RequireAuthorization(Read);
        counsel.MapPost("/settings", CounselSettingsStore.SetEndpointAsync).RequireAuthorization(LegalServices.Permissions.Settings);

        var retainers = counsel.MapGroup("/retainers");
        retainers.MapGet("", CounselEndpoints.RetainersAsync).RequireAuthorization(Read);
        retainers.MapPost("", SignRetainer.EndpointAsync).RequireAuthorization(Manage);
        retainers.MapGet("/{id:guid}", CounselEndpoints.RetainerAsync).RequireAuthorization(Read);
        retainers.MapPost("/{id:guid}/counsel/{counselId:guid}/reveal", CounselEndpoints.RevealPhoneAsync).RequireAuthorization(Read, LegalServices.Permissions.PersonalDataReveal);
        CounselInput.MapStep<NameCounselInput, RetainerView>(retainers, NameCounselStep.Name, Manage, NameCounselStep.RunAsync, (q, id, ct) => q.RetainerAsync(id, ct));
        CounselInput.MapStep<RenewRetainerInput, RetainerView>(retainers, RenewRetainerStep.Name, Manage, RenewRetainerStep.RunAsync, (q, id, ct) => q.RetainerAsync(id, ct));

        var reviews = counsel.MapGroup("/reviews");
        reviews.MapGet("", CounselEndpoints.ReviewsAsync).RequireAuthorization(ReviewsRead);
        reviews.MapPost("", SubmitReview.EndpointAsync).RequireAuthorization(Manage);
        reviews.MapGet("/{id:guid}", CounselEndpoints.ReviewAsync).RequireAuthorization(ReviewsRead);
        reviews.MapGet("/{id:guid}/files/{fileId:guid}", ReviewFiles.DownloadAsync).RequireAuthorization(ReviewsRead);
        CounselInput.MapStep<AnswerReviewInput, ReviewView>(reviews, AnswerReviewStep.Name, Answer,
            AnswerReviewStep.RunAsync, (q, id, ct) => q.ReviewAsync(id, ct));
        CounselInput.MapStep<RecordChangesInput, ReviewView>(reviews, RecordChangesStep.Name, Manage, RecordChangesStep.RunAsync, (q, id, ct) => q.ReviewAsync(id, ct));
        CounselInput.MapStep<ResubmitReviewInput, ReviewView>(reviews, ResubmitReviewStep.Name, Manage,
            ResubmitReviewStep.RunAsync, (q, id, ct) => q.ReviewAsync(id, ct));
        CounselInput.MapStep<AttachReviewFileInput, ReviewView>(reviews, ReviewFiles.Step, Manage, ReviewFiles.AttachAsync, (q, id, ct) => q.ReviewAsync(id, ct));

        var meetings = counsel.MapGroup("/meetings");
        meetings.MapGet("", CounselEndpoints.MeetingsAsync).RequireAuthorization(Read);
        meetings.MapPost("", ScheduleMeeting.EndpointAsync).RequireAuthorization(Manage);
        meetings.MapGet("/{id:guid}", CounselEndpoints.MeetingAsync).RequireAuthorization(Read);
        meetings.MapGet("/{id:guid}/pack.docx", MeetingPack.EndpointAsync).RequireAuthorization(Read);
        CounselInput.MapStep<PutOnAgendaInput, MeetingView>(meetings, PutOnAgendaStep.Name, Manage,
            PutOnAgendaStep.RunAsync, (q, id, ct) => q.MeetingAsync(id, ct));
        CounselInput.MapStep<WithdrawItemInput, MeetingView>(meetings, WithdrawItemStep.Name, Manage, WithdrawItemStep.RunAsync, (q, id, ct) => q.MeetingAsync(id, ct));
        CounselInput.MapStep<RecordAttendanceInput, MeetingView>(meetings, RecordAttendanceStep.Name, Manage,
            RecordAttendanceStep.RunAsync, (q, id, ct) => q.MeetingAsync(id, ct));

        var cases = counsel.MapGroup("/cases");
        cases.MapGet("", CounselEndpoints.CasesAsync).RequireAuthorization(Read);
        cases.MapPost("", RegisterCase.EndpointAsync).RequireAuthorization(Manage);
        cases.MapGet("/{id:guid}", CounselEndpoints.CaseAsync).RequireAuthorization(Read);
        CounselInput.MapStep<ScheduleHearingInput, CaseView>(cases, ScheduleHearingStep.Name, Manage, ScheduleHearingStep.RunAsync, (q, id, ct) => q.CaseAsync(id, ct));
        CounselInput.MapStep<MoveStageInput, CaseView>(cases, MoveStageStep.Name, Manage, MoveStageStep.RunAsync, (q, id, ct) => q.CaseAsync(id, ct));
        CounselInput.MapStep<ConcludeCaseInput, CaseView>(cases, ConcludeCaseStep.Name, Manage, ConcludeCaseStep.RunAsync, (q, id, ct) => q.CaseAsync(id, ct));
    }
}
