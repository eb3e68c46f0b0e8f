using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LegalServices.Counsel.Reviews.Steps;

internal sealed class SubmitReviewInput : SendForReviewInput
{
    public string? Title { get; set; }

    public string? Kind { get; set; }

    /// <summary>承办科室: the office that drafted the document and answers for it.</summary>
    public string? Department { get; set; }
}

/// <summary>送请合法性审查 (Art 25, 26): a document's first version sent to a counsel, numbered within the year it is sent.</summary>
internal sealed class SubmitReview(CounselStepContext context, CounselQueries queries)
{
    public static ReviewSubmitted? Decide(SubmitReviewInput input, DateOnly today, CounselSettings settings, IReadOnlyList<Retainers.Retainer> retainers, string by, InputErrors errors)
    {
        var title = errors.Required("title", input.Title, "送审文件名称", "Title", 200);
        var kind = errors.Choice<ReviewedDocumentKind>("kind", input.Kind, "文件类别", "kind of document");
        var department = errors.Required("department", input.Department, "承办科室", "Drafting office", 50);
        var sending = SendForReview.Read(input, today, settings, retainers, by, errors);
        return errors.Any ? null : new ReviewSubmitted(Guid.Empty, "", title!, kind!.Value, department!, sending!);
    }

    public async Task<Guid> SubmitAsync(SubmitReviewInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var submitted = Decide(input, context.Today, await context.Settings.GetAsync(ct), await queries.RetainersAsync(ct), context.User.DisplayName, errors);
        errors.ThrowIfAny();
        var id = Guid.CreateVersion7();
        var session = context.Session;
        return await YearlyNumbers.SaveWithNextAsync<ReviewNumberCounter, Guid>(session, submitted!.Sending.SentOn.Year, number =>
        {
            session.Events.StartStream<LegalityReview>(id, submitted with { Id = id, Number = number });
            return id;
        }, ct);
    }

    /// <summary><c>POST …/counsel/reviews</c>: 201 with the record, 400 naming every field.</summary>
    public static Task<Results<Created<ReviewView>, ValidationProblem>> EndpointAsync(
        string township, SubmitReviewInput input, SubmitReview handler, CounselQueries queries, CancellationToken ct) =>
        CounselInput.CreatedAsync(() => handler.SubmitAsync(input, ct), id => queries.ReviewAsync(id, ct), id => $"/api/t/{township}/legal-services/counsel/reviews/{id}");
}
