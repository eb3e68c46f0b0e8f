using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Kit.Time;

namespace Modular.Modules.LegalServices.Consultations.Steps;

/// <summary>What every outcome step posts: the version read and when it happened (the township's time, to the minute).</summary>
internal abstract class ConsultationStepInput
{
    public long? Version { get; set; }

    public string? At { get; set; }
}

/// <summary>What an outcome step reads of the platform, for the API and the page alike: now, who records it, the session.</summary>
internal sealed class ConsultationStepContext(IDocumentSession session, TimeProvider time, ICurrentUser user)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public string UserName => user.DisplayName;

    /// <summary>Reads the input into the step's command, lets the pure decision return the events, refuses all at once or saves.</summary>
    public Task<bool> RunAsync<TInput, TCommand>(Guid id, TInput input, Func<TInput, DateTimeOffset, string, InputErrors, TCommand> read,
        Func<Consultation, TCommand, InputErrors, IReadOnlyList<object>> decide, CancellationToken ct)
        where TInput : ConsultationStepInput
    {
        var errors = new InputErrors();
        var command = read(input, Now, UserName, errors);
        return session.RunStepAsync<Consultation>(id, input.Version, errors, c => decide(c, command, errors), ct);
    }
}

/// <summary>The rules every outcome step shares: its time, and how its endpoint is mapped.</summary>
internal static class ConsultationStep
{
    /// <summary>When the step happened: a time not in the future.</summary>
    public static DateTimeOffset? ReadAt(string? at, DateTimeOffset now, InputErrors errors) => errors.Instant("at", at, "办理时间", "Time", now);

    /// <summary>
    /// The start of every decision: the state the table allows, and a time not before the last step (the receipt
    /// first). A missing time stands in as the last step's, so every other problem is still named at once.
    /// </summary>
    public static DateTimeOffset Expect(Consultation c, string step, DateTimeOffset? at, InputErrors errors)
    {
        Consultation.Steps.Expect(c, step, errors);
        if (at is { } time && time < c.LastStepAt)
        {
            var last = Kit.TownshipTime.Format(c.LastStepAt);
            errors.Add("at", $"办理时间不能早于{last}（登记或上一步）", $"The time cannot precede {last} (the receipt or the last step).");
        }

        return at ?? c.LastStepAt;
    }

    /// <summary><c>POST …/consultations/{id}/{step}</c>: the consultation as it now stands, 404, 400 with every field, 409.</summary>
    public static RouteHandlerBuilder Map<TInput>(IEndpointRouteBuilder consultations, string step, Func<ConsultationStepContext, Guid, TInput, CancellationToken, Task<bool>> run)
        where TInput : ConsultationStepInput =>
        consultations.MapPost($"/{{id:guid}}/{step}", (Guid id, TInput input, ConsultationStepContext context, ConsultationQueries queries, CancellationToken ct) =>
            StepAnswers.RunAsync(() => run(context, id, input, ct), () => queries.GetAsync(id, ct))).RequireAuthorization(ConsultationsArea.Write);
}
