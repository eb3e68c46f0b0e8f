using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LegalServices.Counsel;

/// <summary>What every counsel step posts: the version of the record read, and the day the step happened (yyyy-MM-dd).</summary>
internal abstract class CounselStepInput
{
    public long? Version { get; set; }

    public string? On { get; set; }
}

/// <summary>What a step reads of the platform, for the API and the page alike: the township's day, who acts, the session.</summary>
internal sealed class CounselStepContext(IDocumentSession session, IStatutoryClock clock, ICurrentUser user, CounselSettingsStore settings, CounselQueries queries, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public CounselQueries Queries => queries;

    public DateOnly Today => clock.Today;

    public ICurrentUser User => user;

    public IDocumentSession Session => session;

    public IStatutoryClock Clock => clock;

    public CounselSettingsStore Settings => settings;

    /// <summary>
    /// Starts a record: <paramref name="decide"/> names every refusal or answers the first event for the new id; refused
    /// all at once (<see cref="InputRejectedException"/>) or saved.
    /// </summary>
    public async Task<Guid> StartAsync<TRecord>(Func<InputErrors, Func<Guid, object>?> decide, CancellationToken ct)
        where TRecord : class
    {
        var errors = new InputErrors();
        var first = decide(errors);
        errors.ThrowIfAny();
        var id = Guid.CreateVersion7();
        session.Events.StartStream<TRecord>(id, first!(id));
        await session.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>One step on a record: its reader, then its pure decision, refused all at once or saved. False when not this township's.</summary>
    public Task<bool> RunAsync<TRecord, TInput, TCommand>(Guid id, TInput input, Func<TInput, DateOnly, InputErrors, TCommand> read,
        Func<TRecord, TCommand, InputErrors, IReadOnlyList<object>> decide, CancellationToken ct)
        where TRecord : class
        where TInput : CounselStepInput
        => session.ReadAndRunStepAsync(id, input.Version, input, Today, read, decide, ct);
}

/// <summary>The input rules the counsel area shares.</summary>
internal static class CounselInput
{
    /// <summary>The day a step happened: not in the future.</summary>
    public static DateOnly? On(string? on, DateOnly today, InputErrors errors) => errors.Date("on", on, "日期", "Date", today);

    /// <summary>The day a step happened, today when left blank (a clerk records it as it happens).</summary>
    public static DateOnly? OnOrToday(string? on, DateOnly today, InputErrors errors) => string.IsNullOrWhiteSpace(on) ? today : On(on, today, errors);

    /// <summary>A day that may lie ahead (a contract's end, a meeting, a hearing): yyyy-MM-dd, required unless said.</summary>
    public static DateOnly? AnyDay(InputErrors errors, string field, string? value, string chinese, string english, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add(field, $"请填写{chinese}", $"{english} is required.");
            }

            return null;
        }

        return errors.Day(field, value);
    }

    /// <summary>A step's day is never before the record's last step.</summary>
    public static void NotBefore(InputErrors errors, DateOnly? on, DateOnly last, string field = "on")
    {
        if (on is { } day && day < last)
        {
            errors.Add(field, $"日期不能早于上一步（{last:yyyy-MM-dd}）", $"The date cannot precede the last step ({last:yyyy-MM-dd}).");
        }
    }

    /// <summary>One entry a line of a text box (materials sent, counsel present), blanks dropped, at most <paramref name="most"/>.</summary>
    public static IReadOnlyList<string> Entries(InputErrors errors, string field, string? text, string chinese, string english, int most)
    {
        var all = errors.Optional(field, text, chinese, english, 4000) is { } given
            ? given.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        if (all.Length > most)
        {
            errors.Add(field, $"{chinese}最多{most}项", $"At most {most} entries in the {english}.");
        }

        return all;
    }

    /// <summary>A record's creation as the API answers it: 201 with the record at its address, 400 naming every field.</summary>
    public static async Task<Results<Created<TView>, ValidationProblem>> CreatedAsync<TView>(Func<Task<Guid>> create, Func<Guid, Task<TView?>> read, Func<Guid, string> location)
    {
        try
        {
            var id = await create();
            return TypedResults.Created(location(id), await read(id));
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }
    }

    /// <summary><c>POST {group}/{id}/{step}</c>: the record as it now stands, 404 when not this township's, 400 with every bad field.</summary>
    public static RouteHandlerBuilder MapStep<TInput, TView>(IEndpointRouteBuilder group, string step, string permission,
        Func<CounselStepContext, Guid, TInput, CancellationToken, Task<bool>> run, Func<CounselQueries, Guid, CancellationToken, Task<TView?>> read)
        where TInput : CounselStepInput
        where TView : class =>
        group.MapPost($"/{{id:guid}}/{step}", (Guid id, TInput input, CounselStepContext context, CounselQueries queries, CancellationToken ct) =>
            StepAnswers.RunAsync(() => run(context, id, input, ct), () => read(queries, id, ct))).RequireAuthorization(permission);
}
