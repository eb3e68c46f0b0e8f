using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>出题: a question is added to a law's bank, in use at once.</summary>
internal sealed class AddQuestion(IDocumentSession session)
{
    public static QuestionAdded? Decide(QuestionInput input, InputErrors errors, bool imported = false) =>
        QuestionDetails.Read(input, errors) is { } q ? new QuestionAdded(Guid.Empty, q.Law, q.Kind, q.Text, q.Options, q.Answer, q.Explanation, imported) : null;

    public async Task<Guid> AddAsync(QuestionInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var added = Decide(input, errors);
        errors.ThrowIfAny();
        var id = Guid.CreateVersion7();
        session.Events.StartStream<Question>(id, added! with { Id = id });
        await session.SaveChangesAsync(ct);
        return id;
    }

    /// <summary><c>POST …/questions</c>: 201 with the question, 400 naming every field.</summary>
    public static async Task<Results<Created<QuestionView>, ValidationProblem>> EndpointAsync(QuestionInput input, AddQuestion handler, QuestionBank bank, CancellationToken ct)
    {
        try
        {
            var id = await handler.AddAsync(input, ct);
            return TypedResults.Created($"questions/{id}", await bank.GetAsync(id, ct));
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
    }
}
