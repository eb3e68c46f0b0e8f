using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Counsel.Cases.Steps;

internal sealed class ScheduleHearingInput : CounselStepInput
{
    /// <summary>The hearing's day, as the court's summons gives it: usually ahead.</summary>
    public string? HearingOn { get; set; }

    public string? Note { get; set; }
}

internal sealed record ScheduleHearing(DateOnly RecordedOn, DateOnly? HearingOn, string? Note, string By);

/// <summary>开庭: a hearing the court has set; the coming ones are on the township's due list.</summary>
internal static class ScheduleHearingStep
{
    public const string Name = "hearing";

    public static ScheduleHearing Read(ScheduleHearingInput input, DateOnly today, InputErrors errors, string by) =>
        new(today, CounselInput.AnyDay(errors, "hearingOn", input.HearingOn, "开庭日期", "Hearing date"), errors.Optional("note", input.Note, "备注", "Note", 500), by);

    public static IReadOnlyList<object> Decide(RepresentedCase c, ScheduleHearing s, InputErrors errors)
    {
        RepresentedCase.Steps.Expect(c, Name, errors);
        if (s.HearingOn is { } on && on < c.FiledOn)
        {
            errors.Add("hearingOn", $"开庭日期不能早于立案日期（{c.FiledOn:yyyy-MM-dd}）", $"The hearing cannot precede the filing ({c.FiledOn:yyyy-MM-dd}).");
        }

        return errors.Any ? [] : [new HearingScheduled(Guid.CreateVersion7(), s.HearingOn!.Value, s.Note, s.RecordedOn, s.By)];
    }

    public static Task<bool> RunAsync(CounselStepContext context, Guid id, ScheduleHearingInput input, CancellationToken ct) =>
        context.RunAsync<RepresentedCase, ScheduleHearingInput, ScheduleHearing>(id, input, (i, today, e) => Read(i, today, e, context.User.DisplayName), Decide, ct);
}
