using Modular.Kit.Input;
using Modular.Kit.Time;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class ForwardApplicationInput : LegalAidStepInput
{
    /// <summary>When the letter and the file left the station, Beijing time: yyyy-MM-dd HH:mm.</summary>
    public string? At { get; set; }

    public string? Agency { get; set; }

    public string? LetterNumber { get; set; }
}

internal sealed record ForwardApplication(DateTimeOffset? At, string? Agency, string? LetterNumber, string DefaultAgency);

/// <summary>
/// The station forwards the application to the county agency with a letter (转交申请的公函, 法律援助法 第十三条); a
/// detained applicant's within 24 hours of its receipt (第三十九条). A late forwarding is recorded and shown as late.
/// </summary>
internal static class ForwardApplicationStep
{
    public const string Name = "forwarding";

    public static ForwardApplication Read(ForwardApplicationInput input, DateTimeOffset now, string defaultAgency, InputErrors errors) => new(
        errors.Instant("at", input.At, "转交时间", "Forwarded at", now),
        errors.Optional("agency", input.Agency, "法律援助机构", "Agency", 100),
        errors.Optional("letterNumber", input.LetterNumber, "公函文号", "Letter number", 50),
        defaultAgency);

    public static IReadOnlyList<object> Decide(LegalAidApplication a, ForwardApplication c, InputErrors errors)
    {
        LegalAidStep.Expect(a, Name, c.At is { } at ? Modular.Kit.TownshipTime.DayOf(at) : null, errors, "at");
        if (c.At is { } forwarded && a.StationReceivedAt is { } received && forwarded < received)
        {
            errors.Add("at", "转交时间不能早于工作站接收时间", "The application cannot be forwarded before the station received it.");
        }

        return errors.Any ? [] : [new ApplicationForwarded(c.At!.Value, c.Agency ?? c.DefaultAgency, c.LetterNumber ?? $"法援转〔{a.StationReceivedOn?.Year}〕{a.Number}号")];
    }

    public static async Task<bool> RunAsync(LegalAidStepContext context, Guid id, ForwardApplicationInput input, CancellationToken ct)
    {
        var settings = await context.SettingsAsync(ct);
        return await context.RunAsync(id, input, (i, _, errors) => Read(i, context.Now, settings.Agency, errors), Decide, ct);
    }

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<ForwardApplicationInput>(applications, Name, RunAsync);
}
