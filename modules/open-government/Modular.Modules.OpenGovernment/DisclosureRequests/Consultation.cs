using Marten;
using Modular.Kit.Input;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

internal sealed class StartConsultationInput
{
    public long? Version { get; set; }

    public string? SentOn { get; set; }

    public string? ThirdParty { get; set; }
}

internal sealed class EndConsultationInput
{
    public long? Version { get; set; }

    public string? RepliedOn { get; set; }

    public string? Summary { get; set; }
}

/// <summary>政府信息公开条例 Art 32: information touching a third party's rights is sent to them for views; that time does not count.</summary>
internal sealed class ThirdPartyConsultation(IDocumentSession session, ReplyClock clock)
{
    public Task<bool> StartAsync(Guid id, StartConsultationInput input, CancellationToken ct) =>
        session.RunRequestStepAsync(id, input.Version, (request, errors) => DecideStart(request, input, errors), ct);

    public Task<bool> EndAsync(Guid id, EndConsultationInput input, CancellationToken ct) =>
        session.RunRequestStepAsync(id, input.Version, (request, errors) => DecideEnd(request, input, errors), ct);

    public IReadOnlyList<object> DecideStart(DisclosureRequest request, StartConsultationInput input, InputErrors errors)
    {
        var sentOn = errors.Date("sentOn", input.SentOn, "征求意见发出日期", "Date sent", clock.Today);
        var thirdParty = errors.Required("thirdParty", input.ThirdParty, "第三方", "Third party", 200);
        if (!RequestSteps.Table.Expect(request, RequestSteps.StartConsultation, errors))
        {
            return [];
        }

        if (sentOn is { } on && on < request.ClockStartsOn)
        {
            errors.Add("sentOn", "发出日期不能早于期限起算日", "The letter cannot precede the start of the period.");
        }
        else if (sentOn is { } after && request.Consultations.LastOrDefault() is { RepliedOn: { } lastReply } && after < lastReply)
        {
            errors.Add("sentOn", "发出日期不能早于上一次征求意见的答复日期", "The letter cannot precede the last consultation's answer.");
        }

        return errors.Any ? [] : [new ThirdPartyConsultationStarted(sentOn!.Value, thirdParty!)];
    }

    public IReadOnlyList<object> DecideEnd(DisclosureRequest request, EndConsultationInput input, InputErrors errors)
    {
        var repliedOn = errors.Date("repliedOn", input.RepliedOn, "第三方答复日期", "Date answered", clock.Today);
        var summary = errors.Optional("summary", input.Summary, "第三方意见", "Summary", 2000);
        var open = request.Consultations.FirstOrDefault(c => c.RepliedOn is null);
        if (RequestSteps.Table.Expect(request, RequestSteps.EndConsultation, errors) && open is not null && repliedOn is { } on && on < open.SentOn)
        {
            errors.Add("repliedOn", "答复日期不能早于发出日期", "The answer cannot precede the letter.");
        }

        return errors.Any ? [] : [new ThirdPartyConsultationEnded(repliedOn!.Value, summary)];
    }
}
