using Microsoft.AspNetCore.Components;
using Modular.Contracts.PersonalData;
using Modular.Modules.Mediation.Shared;
using static Modular.Modules.Mediation.Shared.Text;

namespace Modular.Modules.Mediation.Disputes.Pages;

/// <summary>
/// A dispute's page: its facts (parties masked), the steps its state allows as one small form each, a party's field
/// revealed with a reason for staff allowed to, and the timeline.
/// </summary>
public partial class DisputePage
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Parameter] public string Township { get; set; } = "";

    [Parameter] public Guid Id { get; set; }

    [CascadingParameter] public Microsoft.AspNetCore.Http.HttpContext? Http { get; set; }

    // Bound from whichever step form was posted (each has its own form name): the step is the handler's argument.
    [SupplyParameterFromForm] private DisputeStepForm? Form { get; set; }

    [SupplyParameterFromForm] private RevealForm? Reveal { get; set; }

    [SupplyParameterFromForm] private HouseholdLinkForm? Link { get; set; }

    private IReadOnlyList<Households.HouseholdSummary> villageHouseholds = [];
    private string? linkError;

    private DisputeView? dispute;
    private IReadOnlyList<TimelineEntry> timeline = [];
    private Dictionary<string, string[]>? errors;
    private string? failedStep;
    private readonly Dictionary<(int Party, PersonalDataKind Kind), string> revealed = [];
    private string? revealError;
    private (int, PersonalDataKind)? revealFailed;

    private bool CanReveal => User.HasPermission(Permissions.PersonalDataReveal);

    protected override void OnInitialized()
    {
        Form ??= new();
        Reveal ??= new();
        Link ??= new();
    }

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        if (dispute is null && Http is not null && !Http.Response.HasStarted)
        {
            Http.Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound;
        }
    }

    private async Task LoadAsync()
    {
        dispute = await Queries.GetAsync(Id, CancellationToken.None);
        timeline = await Queries.TimelineAsync(Id, CancellationToken.None) ?? [];
        villageHouseholds = dispute is not null && User.HasPermission(Permissions.DisputesHandle) && User.HasPermission(Permissions.HouseholdsRead)
            ? await Households.FindAsync(dispute.Village, null, 200, CancellationToken.None)
            : [];
    }

    private static IEnumerable<(PersonalDataKind Kind, string? Masked)> PartyFields(PartyView p) =>
        [(PersonalDataKind.IdNumber, p.IdNumber), (PersonalDataKind.PhoneNumber, p.Phone), (PersonalDataKind.Address, p.Address)];

    /// <summary>The steps 人民调解法 allows from the dispute's state, in the order a mediator usually takes them (mirrors DisputeSteps).</summary>
    private IReadOnlyList<string> Allowed => dispute is not { } d ? [] : Enum.TryParse<DisputeState>(d.State, out var state) ? state switch
    {
        DisputeState.Registered => ["start", "refusal", "routing", "police-report"],
        DisputeState.Accepted => [.. d.Mediator is null ? ["mediator"] : new[] { "session", "mediator" }, "refusal", "routing", "police-report"],
        DisputeState.Mediating => [.. d.Mediator is null ? ["mediator"] : new[] { "session", "agreement", "oral-agreement", "failure", "mediator" }, "police-report", "refusal", "routing"],
        DisputeState.AgreementDrafted => ["signature", "failure", "police-report"],
        DisputeState.Agreed => [.. AfterAgreement(d, Clock.Today), .. d.PerformanceChecks.Count > 0 ? ["archive"] : Array.Empty<string>()],
        DisputeState.Performed => [.. AfterAgreement(d, Clock.Today).Where(s => s != "performance"), "archive"],
        DisputeState.Failed or DisputeState.Refused or DisputeState.Routed => ["archive"],
        _ => [],
    } : [];

    // Art 31 performance, Art 33 court confirmation (a written agreement, once), the follow-up visit.
    private static IEnumerable<string> AfterAgreement(DisputeView d, DateOnly today)
    {
        yield return "performance";
        if (d.AgreementForm == nameof(AgreementForm.Written) && d.CourtConfirmationAppliedOn is null && !(d.CourtConfirmationDueOn < today))
        {
            yield return "court-confirmation";
        }

        yield return "follow-up";
    }

    private async Task StepAsync(string step)
    {
        failedStep = step;
        // The page is open to readers: a step posted without the permission to handle disputes is refused here too.
        if (!User.HasPermission(Permissions.DisputesHandle))
        {
            errors = new() { ["state"] = [T("没有办理矛盾纠纷的权限。", "Your roles do not allow handling disputes.")] };
            return;
        }

        var f = Form!;
        var input = new DisputeStepInput
        {
            Version = f.Version,
            On = f.On,
            Basis = f.Basis,
            AppliedBy = f.AppliedBy,
            Party = f.Party,
            Reason = f.Reason,
            Mediator = f.Mediator,
            ChosenByParties = f.ChosenByParties,
            Place = f.Place,
            Participants = f.Participants,
            Record = f.Record,
            To = f.To,
            Station = f.Station,
            Facts = f.Facts,
            Matters = f.Matters,
            Responsibilities = f.Responsibilities,
            Terms = f.Terms,
            Performance = f.Performance,
            Routes = f.Routes,
            LegalAidMatter = f.LegalAidMatter,
            ApplicantParty = int.TryParse(f.ApplicantParty, out var applicant) ? applicant : null,
            Status = f.Status,
            Note = f.Note,
            Court = f.Court,
            Visitor = f.Visitor,
            FileNumber = f.FileNumber,
        };
        var ct = CancellationToken.None;
        try
        {
            var done = step switch
            {
                "start" => await Steps.StartAsync(Id, input, ct),
                "refusal" => await Steps.RefuseAsync(Id, input, ct),
                "mediator" => await Steps.AssignMediatorAsync(Id, input, ct),
                "session" => await Steps.HoldSessionAsync(Id, input, ct),
                "routing" => await Steps.RouteAsync(Id, input, ct),
                "police-report" => await Steps.NotifyPoliceAsync(Id, input, ct),
                "agreement" => await Steps.DraftAgreementAsync(Id, input, ct),
                "signature" => await Steps.SignAgreementAsync(Id, input, ct),
                "oral-agreement" => await Steps.ReachOralAgreementAsync(Id, input, ct),
                "failure" => await Steps.FailAsync(Id, input, ct),
                "performance" => await Steps.CheckPerformanceAsync(Id, input, ct),
                "court-confirmation" => await Steps.RecordCourtConfirmationAsync(Id, input, ct),
                "follow-up" => await Steps.VisitAsync(Id, input, ct),
                "archive" => await Steps.ArchiveAsync(Id, input, ct),
                _ => false,
            };
            if (done)
            {
                Navigation.NavigateTo($"/t/{Township}/mediation/disputes/{Id}");
            }
        }
        catch (InputException invalid)
        {
            errors = invalid.Errors;
            await LoadAsync();
        }
        catch (Exception conflict) when (VersionConflict.Is(conflict))
        {
            errors = new() { ["version"] = [T("纠纷已被他人更新，请查看最新状态后重试。", "Someone else changed the dispute: check it and try again.")] };
            await LoadAsync();
        }
    }

    private async Task RevealAsync()
    {
        var r = Reveal!;
        var kind = Enum.TryParse<PersonalDataKind>(r.Field, out var k) && k is PersonalDataKind.IdNumber or PersonalDataKind.PhoneNumber or PersonalDataKind.Address ? k : (PersonalDataKind?)null;
        var index = int.TryParse(r.Party, out var i) ? i : -1;
        var loaded = CanReveal ? await Queries.LoadAsync(Id, CancellationToken.None) : null;
        if (loaded is null || kind is null || index < 0 || index >= loaded.Parties.Count)
        {
            revealError = T("无法查看该项。", "That field cannot be revealed.");
            return;
        }

        var party = loaded.Parties[index];
        var value = party.Personal(kind.Value);
        var reason = r.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            revealFailed = (index, kind.Value);
            revealError = T("请说明查看理由（不超过500字），查看将留痕。", "Give a reason (at most 500 characters); the reveal is recorded.");
            return;
        }

        if (value is null)
        {
            revealError = T("该当事人没有登记此项。", "The party has no such value on record.");
            return;
        }

        revealed[(index, kind.Value)] = await Guard.RevealAsync(kind.Value, value, $"纠纷 {loaded.Number} / {party.Name}", reason, CancellationToken.None);
    }

    /// <summary>Links a person among the parties to a household of the ledger, or unlinks them.</summary>
    private async Task LinkHouseholdAsync()
    {
        var link = Link!;
        if (!User.HasPermission(Permissions.DisputesHandle) || !int.TryParse(link.Party, out var party))
        {
            return;
        }

        try
        {
            var input = new HouseholdLinkInput { Version = link.Version, HouseholdId = Guid.TryParse(link.HouseholdId, out var household) ? household : null };
            if (await Steps.LinkHouseholdAsync(Id, party, input, CancellationToken.None))
            {
                Navigation.NavigateTo($"/t/{Township}/mediation/disputes/{Id}");
            }
        }
        catch (InputException invalid)
        {
            linkError = string.Join(" ", invalid.Errors.Values.SelectMany(m => m));
            await LoadAsync();
        }
        catch (Exception conflict) when (VersionConflict.Is(conflict))
        {
            linkError = T("记录已被他人修改，请查看最新状态后重试。", "Someone else changed the dispute: check it and try again.");
            await LoadAsync();
        }
    }

    internal sealed class HouseholdLinkForm
    {
        public long? Version { get; set; }

        public string? Party { get; set; }

        public string? HouseholdId { get; set; }
    }

    internal sealed class RevealForm
    {
        public string? Party { get; set; }

        public string? Field { get; set; }

        public string? Reason { get; set; }
    }

    private static readonly DisputeStepForm Blank = new();

    private static string Participants(DisputeView d) => string.Join("、", d.Parties.Select(p => p.Name).Append(d.Mediator ?? "").Where(n => n.Length > 0));

    private static string Label(string step) => step switch
    {
        "start" => T("启动调解", "Start mediation"),
        "refusal" => T("当事人拒绝调解", "A party refuses mediation"),
        "mediator" => T("指定（选定）调解员", "Assign a mediator"),
        "session" => T("调解并记录笔录", "Hold a session"),
        "routing" => T("分流", "Route elsewhere"),
        "police-report" => T("向公安机关报告激化风险", "Report an escalation risk to the police"),
        "agreement" => T("拟定书面调解协议", "Draft the written agreement"),
        "signature" => T("登记协议签字生效", "Record the signatures"),
        "oral-agreement" => T("达成口头协议", "Record an oral agreement"),
        "failure" => T("调解不成，终止调解", "Mediation failed"),
        "performance" => T("督促履行", "Check performance"),
        "court-confirmation" => T("登记司法确认申请", "Record the court confirmation application"),
        "follow-up" => T("回访", "Follow-up visit"),
        "archive" => T("立卷归档", "Archive"),
        _ => step,
    };

    private static string DateLabel(string step) => step switch
    {
        "signature" => T("最后签字日期", "Last signature on"),
        "court-confirmation" => T("申请日期", "Applied on"),
        _ => T("日期", "Date"),
    };

    private static IReadOnlyList<string> Fields(string step) => step switch
    {
        "start" => ["on", "basis", "appliedBy"],
        "refusal" => ["on", "party", "reason"],
        "mediator" => ["on", "mediator"],
        "session" => ["on", "place", "participants", "record"],
        "routing" => ["on", "to", "reason"],
        "police-report" => ["on", "station", "reason"],
        "agreement" => ["on", "facts", "matters", "responsibilities", "terms", "performance"],
        "oral-agreement" => ["on", "terms", "performance"],
        "failure" => ["on", "reason", "routes", "legalAidMatter", "applicantParty"],
        "performance" => ["on", "status", "note"],
        "court-confirmation" => ["on", "court"],
        "follow-up" => ["on", "visitor", "note"],
        "archive" => ["on", "fileNumber"],
        _ => ["on"],
    };
}
