using Marten;
using Modular.Kit.Input;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

internal sealed class SendCorrectionNoticeInput
{
    public long? Version { get; set; }

    public string? NoticeOn { get; set; }

    public string? Items { get; set; }
}

internal sealed class ReceiveCorrectionInput
{
    public long? Version { get; set; }

    public string? ReceivedOn { get; set; }

    public string? Description { get; set; }
}

/// <summary>
/// 政府信息公开条例 Art 30: an unclear request gets ONE notice, within 7 working days of receipt, listing everything to
/// correct; the clock stands still until the corrected request arrives, and the 20 working days start again from then.
/// </summary>
internal sealed class CorrectionNotice(IDocumentSession session, ReplyClock clock)
{
    public Task<bool> SendAsync(Guid id, SendCorrectionNoticeInput input, CancellationToken ct) =>
        session.RunRequestStepAsync(id, input.Version, (request, errors) => DecideNotice(request, input, errors), ct);

    public Task<bool> ReceiveCorrectionAsync(Guid id, ReceiveCorrectionInput input, CancellationToken ct) =>
        session.RunRequestStepAsync(id, input.Version, (request, errors) => DecideCorrection(request, input, errors), ct);

    public IReadOnlyList<object> DecideNotice(DisclosureRequest request, SendCorrectionNoticeInput input, InputErrors errors)
    {
        var noticeOn = errors.Date("noticeOn", input.NoticeOn, "补正通知日期", "Notice date", clock.Today);
        var items = errors.Required("items", input.Items, "需要补正的事项", "Items to correct", 4000);
        if (RequestSteps.Table.Expect(request, RequestSteps.CorrectionNotice, errors) && request.CorrectionNoticeOn is not null)
        {
            errors.Add("state", "补正通知只能发出一次", "A correction notice can be sent only once.");
        }

        if (noticeOn is { } on && on < request.ReceivedOn)
        {
            errors.Add("noticeOn", "补正通知日期不能早于收到申请之日", "The notice cannot precede the day of receipt.");
        }
        else if (noticeOn is { } late && late > clock.CorrectionNoticeDueOn(request).Date)
        {
            errors.Add("noticeOn", $"补正通知应在收到申请之日起7个工作日内（{clock.CorrectionNoticeDueOn(request).Date:yyyy-MM-dd}前）发出", $"The notice is due within 7 working days of receipt (by {clock.CorrectionNoticeDueOn(request).Date:yyyy-MM-dd}).");
        }

        return errors.Any ? [] : [new CorrectionNoticeSent(noticeOn!.Value, items!)];
    }

    public IReadOnlyList<object> DecideCorrection(DisclosureRequest request, ReceiveCorrectionInput input, InputErrors errors)
    {
        var receivedOn = errors.Date("receivedOn", input.ReceivedOn, "收到补正申请日期", "Date the correction arrived", clock.Today);
        var description = errors.Optional("description", input.Description, "补正后的信息描述", "Corrected description", 4000);
        if (RequestSteps.Table.Expect(request, RequestSteps.CorrectedRequest, errors) && receivedOn is { } on && on < request.CorrectionNoticeOn)
        {
            errors.Add("receivedOn", "收到补正日期不能早于补正通知日期", "The correction cannot arrive before the notice.");
        }

        return errors.Any ? [] : [new CorrectedRequestReceived(receivedOn!.Value, description)];
    }
}
