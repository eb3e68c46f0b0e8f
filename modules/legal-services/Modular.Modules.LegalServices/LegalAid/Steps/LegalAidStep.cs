using Microsoft.AspNetCore.Http;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

/// <summary>What every step's body carries: the version read and the day the step happened (yyyy-MM-dd).</summary>
internal abstract class LegalAidStepInput
{
    public long? Version { get; set; }

    public string? On { get; set; }
}

/// <summary>
/// What a step needs of the platform, for the API and the page alike: the township's day and instant, who records it,
/// the township's settings, the clock, and the session its events go to.
/// </summary>
internal sealed class LegalAidStepContext(IDocumentSession session, LegalAidClock clock, LegalAidSettingsStore settings, ICurrentUser user, TimeProvider time)
{
    public DateOnly Today => clock.Today;

    public DateTimeOffset Now => time.GetUtcNow();

    public LegalAidClock Clock => clock;

    public string UserName => user.DisplayName;

    public IDocumentSession Session => session;

    public Task<LegalAidSettings> SettingsAsync(CancellationToken ct) => settings.GetAsync(ct);

    /// <summary>One step: its reader, then its pure decision, refused all at once or saved. False when not this township's.</summary>
    public Task<bool> RunAsync<TInput, TCommand>(Guid id, TInput input, Func<TInput, DateOnly, InputErrors, TCommand> read,
        Func<LegalAidApplication, TCommand, InputErrors, IReadOnlyList<object>> decide, CancellationToken ct)
        where TInput : LegalAidStepInput
        => session.ReadAndRunStepAsync(id, input.Version, input, Today, read, decide, ct);
}

/// <summary>The rules every step of an application shares: its date, and how its endpoint is mapped.</summary>
internal static class LegalAidStep
{
    public static DateOnly? ReadOn(string? on, DateOnly today, InputErrors errors) => errors.Date("on", on, "日期", "Date", today);

    /// <summary>The state the table allows and the day (never before the previous step), checked with the step's own fields.</summary>
    public static DateOnly Expect(LegalAidApplication a, string step, DateOnly? on, InputErrors errors, string field = "on")
    {
        LegalAidApplication.Steps.Expect(a, step, errors);
        if (on is { } day && day < a.LastStepOn)
        {
            errors.Add(field, $"日期不能早于上一步（{a.LastStepOn:yyyy-MM-dd}）", $"The date cannot precede the previous step ({a.LastStepOn:yyyy-MM-dd}).");
        }

        return on ?? a.LastStepOn;
    }

    /// <summary>Lines of a text box (one material a line), trimmed, blanks dropped; each checked as text.</summary>
    public static IReadOnlyList<string> Lines(InputErrors errors, string field, string? text, string chinese, string english, bool required)
    {
        var checkedText = required ? errors.Required(field, text, chinese, english, 4000) : errors.Optional(field, text, chinese, english, 4000);
        return checkedText is null ? [] : [.. checkedText.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimStart('-', '·', '•', ' '))];
    }

    /// <summary><c>POST …/legal-aid/{id}/{step}</c>: the application as it now stands, 404 when not this township's, 400 with every bad field.</summary>
    public static RouteHandlerBuilder Map<TInput>(IEndpointRouteBuilder applications, string step, Func<LegalAidStepContext, Guid, TInput, CancellationToken, Task<bool>> run)
        where TInput : LegalAidStepInput =>
        applications.MapPost($"/{{id:guid}}/{step}", (Guid id, TInput input, LegalAidStepContext context, LegalAidQueries queries, CancellationToken ct) =>
            StepAnswers.RunAsync(() => run(context, id, input, ct), () => queries.GetAsync(id, ct))).RequireAuthorization(LegalAidArea.Handle);
}
