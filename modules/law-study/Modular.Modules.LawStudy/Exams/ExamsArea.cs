using Microsoft.AspNetCore.Http;
using Modular.Contracts.Portal;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>
/// The yearly law exam (年度学法考试): question banks per law, the exams set from them, each person's attempts in the
/// browser with the server's clock, the results, the certificate of completion and its public check.
/// </summary>
[AreaOrder(30)]
internal sealed class ExamsArea : IModuleArea
{
    public const string Read = "law-study.exams.read";
    public const string Write = "law-study.exams.write";

    public IEnumerable<NavigationEntry> Navigation =>
    [
        new(new("学法考试", "Law exams"), "exams", Read, 30),
        new(new("考试题库", "Question banks"), "questions", Read, 31),
        new(new("我的考试", "My exams"), "my-exams", LawStudy.Permissions.Self, 32),
        new(new("考试设置", "Exam settings"), "exam-settings", Read, 33),
        // A public page (no sign-in), listed for the module's users (every role holds Self) to hand out or to check a
        // certificate someone shows them; with no permission it would take the module's root from users who hold no role.
        new(new("合格证书查验（公开）", "Check a certificate of completion (public)"), "exam-certificates/verify", LawStudy.Permissions.Self, 62),
    ];

    public IEnumerable<ModulePermission> Permissions =>
    [
        new(Read, new("查看题库、考试和成绩", "Read the question banks, exams and results"), [LawStudy.Permissions.ExamOrganiserRole, LawStudy.Permissions.HeadRole]),
        new(Write, new("维护题库，发布、修改、撤销考试", "Keep the question banks; set, change and withdraw exams"), [LawStudy.Permissions.ExamOrganiserRole]),
    ];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<QuestionBank>();
        services.AddScoped<AddQuestion>();
        services.AddScoped<EditQuestion>();
        services.AddScoped<RetireQuestion>();
        services.AddScoped<QuestionImport>();
        services.AddScoped<ExamQueries>();
        services.AddScoped<SetExam>();
        services.AddScoped<ChangeExam>();
        services.AddScoped<WithdrawExam>();
        services.AddScoped<ExamSettingsStore>();
        services.AddScoped<AttemptWriter>();
        services.AddScoped<AttemptQueries>();
        services.AddScoped<StartAttempt>();
        services.AddScoped<SaveAnswers>();
        services.AddScoped<SubmitAttempt>();
        services.AddScoped<MyExams>();
        services.AddScoped<ExamResults>();
        services.AddScoped<CompletionCertificate>();
        services.AddScoped<ExamFigures>();
        services.AddScoped<IDashboardFigures, ExamDashboard>();
        services.AddScoped<IDeadlineSource, ExamDeadlines>();
        services.AddScoped<IAnnualReportSections, ExamReportSection>();
        services.AddScoped<IDemoData, ExamDemo>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<QuestionAdded>("law-study.question-added.v1");
        options.Events.MapEventType<QuestionEdited>("law-study.question-edited.v1");
        options.Events.MapEventType<QuestionRetired>("law-study.question-retired.v1");
        options.Events.MapEventType<ExamSet>("law-study.exam-set.v1");
        options.Events.MapEventType<ExamChanged>("law-study.exam-changed.v1");
        options.Events.MapEventType<ExamWithdrawn>("law-study.exam-withdrawn.v1");
        options.Events.MapEventType<ExamSettingsSet>("law-study.exam-settings-set.v1");
        options.Events.MapEventType<AttemptStarted>("law-study.exam-attempt-started.v1");
        options.Events.MapEventType<AnswersSaved>("law-study.exam-answers-saved.v1");
        options.Events.MapEventType<AttemptSubmitted>("law-study.exam-attempt-submitted.v1");
        options.Projections.Snapshot<Question>(SnapshotLifecycle.Inline, (ProjectionBase p) => p.Name = "law_study_question");
        options.Projections.Snapshot<Exam>(SnapshotLifecycle.Inline, (ProjectionBase p) => p.Name = "law_study_exam");
        options.Projections.Snapshot<ExamSettings>(SnapshotLifecycle.Inline, (ProjectionBase p) => p.Name = "law_study_exam_settings");
        options.Projections.Snapshot<ExamAttempt>(SnapshotLifecycle.Inline, (ProjectionBase p) => p.Name = "law_study_exam_attempt");
        options.Schema.For<Question>().DocumentAlias("law_study_question").Index(q => q.Law);
        options.Schema.For<Exam>().DocumentAlias("law_study_exam").Index(e => e.Year);
        options.Schema.For<ExamSettings>().DocumentAlias("law_study_exam_settings");
        // The host leads each index with the tenant: an exam's attempts, a person's, and the certificate check by code.
        options.Schema.For<ExamAttempt>().DocumentAlias("law_study_exam_attempt")
            .Index(a => a.ExamId)
            .Index(a => a.StaffId)
            .Index(a => a.VerificationCode!);
    }

    public void MapEndpoints(IEndpointRouteBuilder api)
    {
        var questions = api.MapGroup("/questions");
        questions.MapGet("", QuestionBank.ListEndpointAsync).RequireAuthorization(Read);
        questions.MapPost("", AddQuestion.EndpointAsync).RequireAuthorization(Write);
        questions.MapGet("/banks", QuestionBank.BanksEndpointAsync).RequireAuthorization(Read);
        questions.MapGet("/export.xlsx", QuestionImport.ExportEndpointAsync).RequireAuthorization(Read);
        questions.MapGet("/template.xlsx", QuestionImport.Template).RequireAuthorization(Read);
        questions.MapPost("/import", QuestionImport.EndpointAsync).RequireAuthorization(Write).DisableAntiforgery();
        questions.MapGet("/{id:guid}", QuestionBank.GetEndpointAsync).RequireAuthorization(Read);
        questions.MapGet("/{id:guid}/timeline", QuestionBank.TimelineEndpointAsync).RequireAuthorization(Read);
        questions.MapPost($"/{{id:guid}}/{EditQuestion.Step}", EditQuestion.EndpointAsync).RequireAuthorization(Write);
        questions.MapPost($"/{{id:guid}}/{RetireQuestion.Step}", RetireQuestion.EndpointAsync).RequireAuthorization(Write);

        var exams = api.MapGroup("/exams");
        exams.MapGet("", ExamQueries.ListEndpointAsync).RequireAuthorization(Read);
        exams.MapPost("", SetExam.EndpointAsync).RequireAuthorization(Write);
        exams.MapGet("/{id:guid}", ExamQueries.GetEndpointAsync).RequireAuthorization(Read);
        exams.MapGet("/{id:guid}/timeline", ExamQueries.TimelineEndpointAsync).RequireAuthorization(Read);
        exams.MapGet("/{id:guid}/results", ExamResults.EndpointAsync).RequireAuthorization(Read);
        exams.MapGet("/{id:guid}/results.xlsx", ResultsWorkbook.EndpointAsync).RequireAuthorization(Read);
        exams.MapGet("/{id:guid}/results/{staffId:guid}/certificate.docx", CompletionCertificate.ForPersonEndpointAsync).RequireAuthorization(Read);
        exams.MapPost($"/{{id:guid}}/{ChangeExam.Step}", ChangeExam.EndpointAsync).RequireAuthorization(Write);
        exams.MapPost($"/{{id:guid}}/{WithdrawExam.Step}", WithdrawExam.EndpointAsync).RequireAuthorization(Write);

        api.MapGet("/exam-settings", ExamSettingsStore.GetEndpointAsync).RequireAuthorization(Read);
        api.MapPost("/exam-settings", ExamSettingsStore.SetEndpointAsync).RequireAuthorization(LawStudy.Permissions.Settings);

        // The person's own exams: everyone holding law-study.self; an attempt that is not theirs is not found.
        var mine = api.MapGroup("/my-exams");
        mine.MapGet("", MyExams.EndpointAsync).RequireAuthorization(LawStudy.Permissions.Self);
        mine.MapPost("/{examId:guid}/attempts", StartAttempt.EndpointAsync).RequireAuthorization(LawStudy.Permissions.Self);
        mine.MapGet("/{examId:guid}/certificate.docx", CompletionCertificate.MineEndpointAsync).RequireAuthorization(LawStudy.Permissions.Self);
        var attempts = api.MapGroup("/attempts");
        attempts.MapGet("/{id:guid}", AttemptQueries.GetEndpointAsync).RequireAuthorization(LawStudy.Permissions.Self);
        attempts.MapPost($"/{{id:guid}}/{SaveAnswers.Step}", SaveAnswers.EndpointAsync).RequireAuthorization(LawStudy.Permissions.Self);
        attempts.MapPost($"/{{id:guid}}/{SubmitAttempt.Step}", SubmitAttempt.EndpointAsync).RequireAuthorization(LawStudy.Permissions.Self);
    }

    public void MapPublicEndpoints(IEndpointRouteBuilder publicApi) =>
        publicApi.MapGet("/exam-certificates/{code}", CompletionCertificate.CheckEndpointAsync).CacheOutput(PublicPages.Policy);
}
