using Microsoft.AspNetCore.Components;
using Modular.Contracts.PersonalData;
using Modular.Kit.Records;
using Modular.Modules.LegalServices.LegalAid.Steps;
using static Modular.Kit.Text;

namespace Modular.Modules.LegalServices.LegalAid.Pages;

/// <summary>
/// An application's page: the applicant (masked, revealed one field at a time with a reason), both receipts and the
/// running clocks, the papers, the form of each step <see cref="LegalAidApplication.Steps"/> allows, and the timeline.
/// </summary>
public partial class ApplicationPage
{
    [Parameter] public string Township { get; set; } = "";

    [Parameter] public Guid Id { get; set; }

    [CascadingParameter] public Microsoft.AspNetCore.Http.HttpContext? Http { get; set; }

    [SupplyParameterFromForm] private RevealInput? Reveal { get; set; }

    private ApplicationView? view;
    private LegalAidApplication? record;
    private IReadOnlyList<TimelineEntry> timeline = [];
    private readonly Dictionary<(string Who, string Field), string> revealed = [];
    private string? revealError;
    private string agency = "";

    private bool CanReveal => User.HasPermission(Permissions.PersonalDataReveal);

    protected override void OnInitialized() => Reveal ??= new();

    protected override async Task OnParametersSetAsync()
    {
        record = await Queries.LoadAsync(Id, CancellationToken.None);
        view = record is null ? null : await Queries.GetAsync(Id, CancellationToken.None);
        timeline = await Queries.TimelineAsync(Id, CancellationToken.None) ?? [];
        agency = (await Settings.GetAsync(CancellationToken.None)).Agency;
        if (view is null && Http is not null && !Http.Response.HasStarted)
        {
            Http.Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound;
        }
    }

    private static Dictionary<string, string> Who(string who) => new() { ["Who"] = who };

    private string? Clear(string who, string field) => revealed.TryGetValue((who, field), out var value) ? value : null;

    /// <summary>What a step's form is given: the application as the form shows it, and whether it opens unposted.</summary>
    private Dictionary<string, object> StepParameters(ApplicationView a, bool first) => new()
    {
        [nameof(LegalAidStepFormBase.FrameValue)] = new LegalAidStepFrame(Township, a.Id, a.Version, Clock.Today, Time.GetUtcNow(),
            agency, record is { State: ApplicationState.Draft } d ? DraftInput(d) : null),
        [nameof(LegalAidStepFormBase.Open)] = first,
    };

    // A draft pre-fills the confirmation with what mediation knew; the clerk completes the rest with the applicant.
    private static ApplicationInput DraftInput(LegalAidApplication d) => new()
    {
        ApplicantName = d.Applicant.Name,
        ApplicantIdNumber = d.Applicant.IdNumber,
        ApplicantPhone = d.Applicant.Phone,
        ApplicantAddress = d.Applicant.Address,
        Matter = d.Matter?.ToString(),
        Summary = d.Summary,
        OpposingParty = d.OpposingParty,
    };

    private async Task RevealAsync()
    {
        var r = Reveal!;
        var reason = r.Reason?.Trim();
        var loaded = CanReveal ? await Queries.LoadAsync(Id, CancellationToken.None) : null;
        if (loaded is null)
        {
            revealError = T("无法查看该项。", "That field cannot be revealed.");
            return;
        }

        if (string.IsNullOrEmpty(reason) || reason.Length > Modular.Kit.PersonalData.Reveals.MaxReasonLength)
        {
            revealError = T("请说明查看理由（不超过500字），查看将留痕。", "Give a reason (at most 500 characters); the reveal is recorded.");
            return;
        }

        var subject = LegalAidEndpoints.Subject(loaded, loaded.Applicant.Name);
        if (r.Who == "means" && loaded.MeansDetails is { } means)
        {
            await Guard.RevealAsync(PersonalDataKind.Means, means, subject, reason, CancellationToken.None);
            revealed[("means", "MeansDetails")] = means;
            return;
        }

        var (value, kind) = (r.Who, r.Field) switch
        {
            ("applicant", "IdNumber") => (loaded.Applicant.IdNumber, PersonalDataKind.IdNumber),
            ("applicant", "PhoneNumber") => (loaded.Applicant.Phone, PersonalDataKind.PhoneNumber),
            ("applicant", "Address") => (loaded.Applicant.Address, PersonalDataKind.Address),
            ("representative", "PhoneNumber") => (loaded.Representative?.Phone, PersonalDataKind.PhoneNumber),
            _ => (null, PersonalDataKind.Name),
        };
        if (value is null)
        {
            revealError = T("没有登记此项。", "There is no such value on record.");
            return;
        }

        revealed[(r.Who!, r.Field!)] = await Guard.RevealAsync(kind, value, subject, reason, CancellationToken.None);
    }

    internal sealed class RevealInput
    {
        public string? Who { get; set; }

        public string? Field { get; set; }

        public string? Reason { get; set; }
    }
}
