using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class ArchiveDisputeInput : DisputeStepInput
{
    public string? FileNumber { get; set; }
}

internal sealed record ArchiveDispute(DateOnly? On, string? FileNumber);

/// <summary>立卷归档 once it is over: performed, failed, refused or routed, or agreed with its performance checked.</summary>
internal static class ArchiveDisputeStep
{
    public const string Name = "archive";

    public static ArchiveDispute Read(ArchiveDisputeInput input, DateOnly today, InputErrors errors) => new(
        DisputeStep.ReadOn(input.On, today, errors),
        errors.Required("fileNumber", input.FileNumber, "卷宗号", "File number", 50));

    /// <summary>人民调解法 Art 31: an agreement is archived only once its performance has been checked.</summary>
    public static bool PerformanceChecked(Dispute d) => d.State != DisputeState.Agreed || d.PerformanceChecks.Count > 0;

    public static IReadOnlyList<object> Decide(Dispute d, ArchiveDispute c, InputErrors errors)
    {
        var on = DisputeStep.Expect(d, Name, c.On, errors);
        if (!errors.Any && !PerformanceChecked(d))
        {
            errors.Add("state", "协议履行情况尚未督促登记，暂不能归档（人民调解法第三十一条）", "Record the performance check before archiving (Art 31).");
        }

        return errors.Any ? [] : [new DisputeArchived(on, c.FileNumber!)];
    }

    public static Task<bool> RunAsync(DisputeStepContext context, Guid id, ArchiveDisputeInput input, CancellationToken ct) =>
        context.RunAsync(id, input, Read, Decide, ct);

    public static void Map(IEndpointRouteBuilder disputes) => DisputeStep.Map<ArchiveDisputeInput>(disputes, Name, RunAsync);
}
