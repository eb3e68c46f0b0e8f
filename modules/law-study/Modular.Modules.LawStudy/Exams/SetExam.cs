using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>发布考试: the organiser sets the year's exam. Refused when a bank holds too few questions for its part.</summary>
internal sealed class SetExam(IDocumentSession session, QuestionBank bank, StaffRoster roster, TimeProvider time)
{
    public static ExamSet? Decide(ExamInput input, ExamContext context, InputErrors errors) =>
        ExamReading.Read(input, context, errors) is { } details ? new ExamSet(Guid.Empty, details) : null;

    public async Task<ExamContext> ContextAsync(DateTimeOffset now, CancellationToken ct) =>
        new(now, await bank.BanksAsync(ct), await roster.DepartmentsAsync(ct));

    public Task<Guid> SetAsync(ExamInput input, CancellationToken ct) => SetAsync(input, time.GetUtcNow(), ct);

    /// <summary>Sets the exam as of <paramref name="now"/> (the demo sets 2020's in 2020).</summary>
    public async Task<Guid> SetAsync(ExamInput input, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new InputErrors();
        var set = Decide(input, await ContextAsync(now, ct), errors);
        errors.ThrowIfAny();
        var id = Guid.CreateVersion7();
        session.Events.StartStream<Exam>(id, set! with { Id = id });
        await session.SaveChangesAsync(ct);
        return id;
    }

    /// <summary><c>POST …/exams</c>: 201 with the exam, 400 naming every field (a short bank under its part's <c>count</c>).</summary>
    public static async Task<Results<Created<ExamView>, ValidationProblem>> EndpointAsync(ExamInput input, SetExam handler, ExamQueries queries, CancellationToken ct)
    {
        try
        {
            var id = await handler.SetAsync(input, ct);
            return TypedResults.Created($"exams/{id}", await queries.GetAsync(id, ct));
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
    }
}
