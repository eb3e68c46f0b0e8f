using Marten;
using Modular.Kit.Input;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

internal sealed class ExtendReplyInput
{
    public long? Version { get; set; }

    public string? NoticeOn { get; set; }

    public int? WorkingDays { get; set; }

    public string? Reason { get; set; }
}

/// <summary>政府信息公开条例 Art 33: the reply period may be extended once, by at most 20 working days, with a notice to the applicant.</summary>
internal sealed class Extension(IDocumentSession session, ReplyClock clock)
{
    public Task<bool> ExtendAsync(Guid id, ExtendReplyInput input, CancellationToken ct) =>
        session.RunRequestStepAsync(id, input.Version, (request, errors) => Decide(request, input, errors), ct);

    public IReadOnlyList<object> Decide(DisclosureRequest request, ExtendReplyInput input, InputErrors errors)
    {
        var noticeOn = errors.Date("noticeOn", input.NoticeOn, "延期告知日期", "Notice date", clock.Today);
        var reason = errors.Required("reason", input.Reason, "延期理由", "Reason", 2000);
        if (input.WorkingDays is not { } days || days < 1 || days > ReplyClock.MaxExtension)
        {
            errors.Add("workingDays", "延长期限为1至20个工作日", "The extension is 1 to 20 working days.");
        }

        if (RequestSteps.Table.Expect(request, RequestSteps.Extension, errors))
        {
            if (request.ExtensionNoticeOn is not null)
            {
                errors.Add("state", "答复期限只能延长一次", "The reply period can be extended only once.");
            }
            else if (noticeOn is { } on && on < request.ClockStartsOn)
            {
                errors.Add("noticeOn", "延期告知日期不能早于期限起算日", "The notice cannot precede the start of the period.");
            }
            else if (noticeOn is { } late && late > clock.DueOn(request).Date)
            {
                errors.Add("noticeOn", $"延期须在答复期限（{clock.DueOn(request).Date:yyyy-MM-dd}）届满前告知", $"An extension must be notified before the period ends ({clock.DueOn(request).Date:yyyy-MM-dd}).");
            }
        }

        return errors.Any ? [] : [new ReplyPeriodExtended(noticeOn!.Value, input.WorkingDays!.Value, reason!)];
    }
}
