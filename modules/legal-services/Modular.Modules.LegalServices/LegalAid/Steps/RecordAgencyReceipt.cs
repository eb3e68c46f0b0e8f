using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

internal sealed class RecordAgencyReceiptInput : LegalAidStepInput;

internal sealed record RecordAgencyReceipt(DateOnly? On);

/// <summary>The day the agency received the forwarded application: by default the Art 43 decision clock runs from it.</summary>
internal static class RecordAgencyReceiptStep
{
    public const string Name = "agency-receipt";

    public static RecordAgencyReceipt Read(RecordAgencyReceiptInput input, DateOnly today, InputErrors errors) => new(LegalAidStep.ReadOn(input.On, today, errors));

    public static IReadOnlyList<object> Decide(LegalAidApplication a, RecordAgencyReceipt c, InputErrors errors)
    {
        var on = LegalAidStep.Expect(a, Name, c.On, errors);
        return errors.Any ? [] : [new AgencyReceiptRecorded(on)];
    }

    public static Task<bool> RunAsync(LegalAidStepContext context, Guid id, RecordAgencyReceiptInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder applications) => LegalAidStep.Map<RecordAgencyReceiptInput>(applications, Name, RunAsync);
}
