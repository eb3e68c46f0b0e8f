using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

/// <summary>
/// A referral from mediation becomes an application only when a clerk confirms it with the applicant at the station:
/// the same content as an intake, numbered then. Nothing is filed without a person.
/// </summary>
internal static class ConfirmDraftStep
{
    public const string Name = "confirm";

    public static IReadOnlyList<object> Decide(LegalAidApplication a, ApplicationReceived? read, string number, InputErrors errors)
    {
        LegalAidApplication.Steps.Expect(a, Name, errors);
        if (read is not null && a.DraftedOn is { } drafted && Modular.Kit.TownshipTime.DayOf(read.StationReceivedAt) < drafted)
        {
            errors.Add("receivedAt", $"接收时间不能早于调解终止之日（{drafted:yyyy-MM-dd}）", $"The receipt cannot precede the failed mediation ({drafted:yyyy-MM-dd}).");
        }

        return errors.Any || read is null ? [] : [read with { Id = a.Id, Number = number }];
    }

    public static async Task<bool> RunAsync(LegalAidStepContext context, Guid id, ApplicationInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var read = ReceiveApplication.Read(input, context.Now, errors);
        // The number is taken in the step's own save: a clash with another registration is a conflict to try again.
        var number = read is null
            ? ""
            : await YearlyNumbers.NextAsync<LegalAidNumberCounter>(context.Session, Modular.Kit.TownshipTime.DayOf(read.StationReceivedAt).Year, ct);
        return await context.Session.RunStepAsync<LegalAidApplication>(id, input.Version, errors, a => Decide(a, read, number, errors), ct);
    }

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<ApplicationInput>(applications, Name, RunAsync);
}
