using Modular.Modules.Mediation.Shared;

namespace Modular.Modules.Mediation.Petitions;

/// <summary>The body of every step: the version read, the day it happened, and the step's own fields.</summary>
internal sealed class PetitionStepInput
{
    public long? Version { get; set; }

    public string? On { get; set; }

    public string? Reason { get; set; }

    public string? Category { get; set; }

    public string? Procedure { get; set; }

    public string? Investigator { get; set; }

    public int? Days { get; set; }

    public string? Outcome { get; set; }

    public string? Text { get; set; }

    public string? Basis { get; set; }
}

/// <summary>
/// The steps of 信访工作条例 after registration. Each checks the petition's state first and refuses a step that does
/// not follow, naming what the petition is waiting for; every refusal and bad field is reported at once.
/// </summary>
internal sealed class PetitionSteps(Streams streams, PetitionClock clock)
{
    private PetitionClock Clock => clock;

    public Task<bool> ObjectAsync(Guid id, PetitionStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (p, on, errors) =>
    {
        var reason = errors.Required("reason", input.Reason, "异议理由", "Reason", 2000);
        Expect(errors, p, PetitionState.Registered);
        if (p.State == PetitionState.Registered && on is { } day && day > Clock.ObjectionDueOn(p))
        {
            // Outside the remit: the objection is due within 5 working days of registration.
            errors.Add("on", $"异议须在登记后5个工作日内（{Clock.ObjectionDueOn(p):yyyy-MM-dd}前）提出", $"An objection is due within 5 working days of registration (by {Clock.ObjectionDueOn(p):yyyy-MM-dd}).");
        }

        return errors.Any ? null : new PetitionObjected(on!.Value, reason!);
    });

    public Task<bool> AcceptAsync(Guid id, PetitionStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (p, on, errors) =>
    {
        Expect(errors, p, PetitionState.Registered);
        return errors.Any ? null : new PetitionAccepted(on!.Value);
    });

    public Task<bool> ClassifyAsync(Guid id, PetitionStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (p, on, errors) =>
    {
        var category = errors.Choice<PetitionCategory>("category", input.Category, "信访事项类别", "category");
        Expect(errors, p, PetitionState.Accepted);
        return errors.Any ? null : new PetitionClassified(on!.Value, category!.Value);
    });

    // Art 31: a claim that belongs to litigation, arbitration, administrative reconsideration or another statutory
    // procedure is sent there, with the petitioner told which and how; the petition closes here.
    public Task<bool> RedirectAsync(Guid id, PetitionStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (p, on, errors) =>
    {
        var procedure = errors.Required("procedure", input.Procedure, "法定途径", "Procedure", 200);
        var explanation = errors.Required("text", input.Text, "告知内容", "Explanation", 4000);
        Expect(errors, p, PetitionState.Classified);
        if (p.State == PetitionState.Classified && p.Category != PetitionCategory.Claim)
        {
            errors.Add("state", "只有申诉求决类事项可导入诉讼、仲裁、复议等法定途径", "Only a claim can be redirected to another procedure.");
        }

        return errors.Any ? null : new PetitionRedirected(on!.Value, procedure!, explanation!);
    });

    public Task<bool> InvestigateAsync(Guid id, PetitionStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (p, on, errors) =>
    {
        var investigator = errors.Required("investigator", input.Investigator, "调查人", "Investigator", 100);
        Expect(errors, p, PetitionState.Classified);
        return errors.Any ? null : new InvestigationStarted(on!.Value, investigator!);
    });

    // Art 34: extendable once, by up to 30 days, with the reasons told to the petitioner, before the 60 days run out.
    public Task<bool> ExtendAsync(Guid id, PetitionStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (p, on, errors) =>
    {
        var reason = errors.Required("reason", input.Reason, "延期理由", "Reason", 2000);
        if (input.Days is not { } days || days < 1 || days > PetitionClock.MaxExtensionDays)
        {
            errors.Add("days", "延长期限为1至30日", "The extension is 1 to 30 days.");
        }

        if (p.ExtendedOn is not null)
        {
            errors.Add("state", "办理期限只能延长一次", "The deadline can be extended only once.");
        }
        else
        {
            Expect(errors, p, PetitionState.Accepted, PetitionState.Classified, PetitionState.Investigating);
            if (errors.Any is false && on is { } day && Clock.OpinionDueOn(p) is { } due && day > due)
            {
                errors.Add("on", $"延期须在办理期限（{due:yyyy-MM-dd}）届满前决定", $"An extension must be decided before the deadline ({due:yyyy-MM-dd}).");
            }
        }

        return errors.Any ? null : new OpinionDeadlineExtended(on!.Value, input.Days!.Value, reason!);
    });

    // Art 32: a written opinion, supported / explained / not supported, with its basis.
    public Task<bool> IssueOpinionAsync(Guid id, PetitionStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (p, on, errors) =>
    {
        var outcome = errors.Choice<OpinionOutcome>("outcome", input.Outcome, "处理意见", "outcome");
        var text = errors.Required("text", input.Text, "处理意见内容", "Opinion text", 8000);
        var basis = errors.Required("basis", input.Basis, "依据", "Basis", 2000);
        Expect(errors, p, PetitionState.Investigating);
        return errors.Any ? null : new OpinionIssued(on!.Value, outcome!.Value, text!, basis!);
    });

    // Art 35 (review) and Art 36 (second review): asked for within 30 days of the opinion or the review decision.
    public Task<bool> RequestReviewAsync(Guid id, PetitionStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (p, on, errors) =>
    {
        Expect(errors, p, PetitionState.OpinionIssued, PetitionState.Reviewed);
        if (!errors.Any && on is { } day && Clock.ReviewRequestDueOn(p) is { } due && day > due)
        {
            errors.Add("on", $"请求期限已于{due:yyyy-MM-dd}届满，原意见已发生效力", $"The window closed on {due:yyyy-MM-dd}; the decision stands.");
        }

        return errors.Any ? null : new ReviewRequested(on!.Value, p.State == PetitionState.OpinionIssued ? 1 : 2);
    });

    public Task<bool> DecideReviewAsync(Guid id, PetitionStepInput input, CancellationToken ct) => RunAsync(id, input, ct, (p, on, errors) =>
    {
        var outcome = errors.Choice<OpinionOutcome>("outcome", input.Outcome, "复查（复核）意见", "outcome");
        var text = errors.Required("text", input.Text, "复查（复核）意见内容", "Decision text", 8000);
        Expect(errors, p, PetitionState.UnderReview, PetitionState.UnderSecondReview);
        return errors.Any ? null : new ReviewDecided(on!.Value, p.State == PetitionState.UnderReview ? 1 : 2, outcome!.Value, text!);
    });

    private async Task<bool> RunAsync(Guid id, PetitionStepInput input, CancellationToken ct, Func<Petition, DateOnly?, Errors, object?> decide)
    {
        var errors = new Errors();
        var stream = await streams.OpenAsync<Petition>(id, input.Version, errors, ct);
        if (stream is null)
        {
            return false;
        }

        var petition = stream.Aggregate!;
        var on = errors.Date("on", input.On, "日期", "Date", Clock.Today);
        if (on is { } day && day < LastDay(petition))
        {
            errors.Add("on", $"日期不能早于上一步（{LastDay(petition):yyyy-MM-dd}）", $"The date cannot precede the previous step ({LastDay(petition):yyyy-MM-dd}).");
        }

        var change = decide(petition, on, errors);
        Streams.ThrowIfAny(errors);
        stream.AppendOne(change!);
        await streams.SaveAsync(ct);
        return true;
    }

    private static DateOnly LastDay(Petition p) =>
        new[] { p.ReceivedOn, p.AcceptedOn, p.InvestigationStartedOn, p.ExtendedOn, p.OpinionOn, p.ReviewRequestedOn, p.ReviewDecidedOn, p.SecondReviewRequestedOn }
            .Where(d => d is not null).Max()!.Value;

    private static void Expect(Errors errors, Petition p, params PetitionState[] allowed)
    {
        if (allowed.Contains(p.State))
        {
            return;
        }

        var now = PetitionVocabulary.Label(p.State);
        var wanted = string.Join("、", allowed.Select(s => PetitionVocabulary.Label(s).Chinese));
        var wantedEn = string.Join(", ", allowed.Select(s => PetitionVocabulary.Label(s).English));
        errors.Add("state", $"信访事项当前状态为“{now.Chinese}”，此操作只能在“{wanted}”时进行", $"The petition is {now.English}; this step is possible only when it is {wantedEn}.");
    }
}
