using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit.Input;
using Modular.Kit.Records;
using static Modular.Kit.Text;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>A question as the organiser sees it: with its answer and explanation (never shown to a person sitting).</summary>
internal sealed record QuestionView(
    Guid Id, long Version, string Law, string Kind, string KindLabel, string Text, IReadOnlyList<string> Options, string Answer,
    string? Explanation, string State, string StateLabel, string? RetiredReason, IReadOnlyList<string> Allowed)
{
    public static QuestionView Of(Question q) =>
        new(q.Id, q.Version, q.Law, q.Kind.ToString(), T(Question.Label(q.Kind)), q.Text, q.Options,
            q.Kind == QuestionKind.TrueFalse ? Question.TrueFalseOptions[q.Answer.FirstOrDefault()] : Question.Letters(q.Answer),
            q.Explanation, q.State.ToString(), T(Question.Label(q.State)), q.RetiredReason, Question.Steps.Allowed(q));
}

/// <summary>One law's bank: how many questions of each kind are in use (what an exam's composition may draw), and retired.</summary>
internal sealed record BankView(string Law, int Single, int Multiple, int TrueFalse, int Retired)
{
    public int InUse => Single + Multiple + TrueFalse;

    public int Count(QuestionKind kind) => kind switch
    {
        QuestionKind.Single => Single,
        QuestionKind.Multiple => Multiple,
        _ => TrueFalse,
    };
}

/// <summary>Which questions a list shows.</summary>
internal sealed record QuestionFilter(string? Law = null, QuestionKind? Kind = null, bool IncludeRetired = false);

/// <summary>The question banks of the township, for the pages, the API, the exam composition and the paper draw.</summary>
internal sealed class QuestionBank(IQuerySession session)
{
    /// <summary>A township's banks hold hundreds of questions, a few thousand at most: read whole.</summary>
    public const int MaxQuestions = 20_000;

    public async Task<IReadOnlyList<Question>> QuestionsAsync(QuestionFilter filter, CancellationToken ct)
    {
        var query = session.Query<Question>().Where(q => filter.IncludeRetired || q.State == QuestionState.InUse);
        if (filter.Law is { Length: > 0 } law)
        {
            query = query.Where(q => q.Law == law);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(q => q.Kind == kind);
        }

        return await query.OrderBy(q => q.Law).ThenBy(q => q.Kind).ThenBy(q => q.Id).Take(MaxQuestions).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<BankView>> BanksAsync(CancellationToken ct)
    {
        var rows = await session.Query<Question>().Select(q => new { q.Law, q.Kind, q.State }).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Law).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new BankView(
            g.Key,
            g.Count(r => r.State == QuestionState.InUse && r.Kind == QuestionKind.Single),
            g.Count(r => r.State == QuestionState.InUse && r.Kind == QuestionKind.Multiple),
            g.Count(r => r.State == QuestionState.InUse && r.Kind == QuestionKind.TrueFalse),
            g.Count(r => r.State == QuestionState.Retired)))];
    }

    public Task<Question?> FindAsync(Guid id, CancellationToken ct) => session.LoadAsync<Question>(id, ct);

    public async Task<QuestionView?> GetAsync(Guid id, CancellationToken ct) => await FindAsync(id, ct) is { } q ? QuestionView.Of(q) : null;

    public static async Task<Results<Ok<IReadOnlyList<QuestionView>>, ValidationProblem>> ListEndpointAsync(
        string? law, string? kind, bool? includeRetired, QuestionBank bank, CancellationToken ct)
    {
        var errors = new InputErrors();
        var parsed = errors.Choice<QuestionKind>("kind", kind, "题型", "kind", required: false);
        return errors.Any
            ? TypedResults.ValidationProblem(errors.ToDictionary())
            : TypedResults.Ok<IReadOnlyList<QuestionView>>([.. (await bank.QuestionsAsync(new QuestionFilter(law, parsed, includeRetired ?? false), ct)).Select(QuestionView.Of)]);
    }

    public static async Task<Ok<IReadOnlyList<BankView>>> BanksEndpointAsync(QuestionBank bank, CancellationToken ct) => TypedResults.Ok(await bank.BanksAsync(ct));

    public static async Task<Results<Ok<QuestionView>, NotFound>> GetEndpointAsync(Guid id, QuestionBank bank, CancellationToken ct) =>
        await bank.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineEndpointAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        await Timeline.ReadAsync<Question>(session, id, Describe, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    private static string Describe(object e) => e switch
    {
        QuestionAdded a => a.Imported ? T($"导入题库：{a.Law}", $"Imported into the bank of {a.Law}") : T($"出题：{a.Law}", $"Added to the bank of {a.Law}"),
        QuestionEdited => T("修改题目", "Edited"),
        QuestionRetired r => T($"停用：{r.Reason}", $"Retired: {r.Reason}"),
        _ => e.GetType().Name,
    };
}
