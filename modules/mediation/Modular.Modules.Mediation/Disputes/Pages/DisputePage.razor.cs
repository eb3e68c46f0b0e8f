using Microsoft.AspNetCore.Components;
using Modular.Contracts.PersonalData;
using Modular.Kit.Input;
using Modular.Kit.Records;
using Modular.Modules.Mediation.Disputes.Steps;
using static Modular.Kit.Text;

namespace Modular.Modules.Mediation.Disputes.Pages;

/// <summary>
/// A dispute's page: its facts (parties masked), the form of each step <see cref="Dispute.Steps"/> allows, a party's
/// field revealed with a reason for staff allowed to, and the timeline.
/// </summary>
public partial class DisputePage
{
    [Parameter] public string Township { get; set; } = "";

    [Parameter] public Guid Id { get; set; }

    [CascadingParameter] public Microsoft.AspNetCore.Http.HttpContext? Http { get; set; }

    [SupplyParameterFromForm] private RevealForm? Reveal { get; set; }

    [SupplyParameterFromForm] private HouseholdLinkForm? Link { get; set; }

    private IReadOnlyList<Households.HouseholdSummary> villageHouseholds = [];
    private string? linkError;

    private DisputeView? dispute;
    private Dispute? record;
    private IReadOnlyList<TimelineEntry> timeline = [];
    private readonly Dictionary<(int Party, PersonalDataKind Kind), string> revealed = [];
    private string? revealError;
    private (int, PersonalDataKind)? revealFailed;

    private bool CanReveal => User.HasPermission(Permissions.PersonalDataReveal);

    protected override void OnInitialized()
    {
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
        record = await Queries.LoadAsync(Id, CancellationToken.None);
        dispute = record is null ? null : await Queries.GetAsync(Id, CancellationToken.None);
        timeline = await Queries.TimelineAsync(Id, CancellationToken.None) ?? [];
        villageHouseholds = dispute is not null && User.HasPermission(Permissions.DisputesHandle) && User.HasPermission(Permissions.HouseholdsRead)
            ? await Households.FindAsync(dispute.Village, null, 200, CancellationToken.None)
            : [];
    }

    private static IEnumerable<(PersonalDataKind Kind, string? Masked)> PartyFields(PartyView p) =>
        [(PersonalDataKind.IdNumber, p.IdNumber), (PersonalDataKind.PhoneNumber, p.Phone), (PersonalDataKind.Address, p.Address)];

    /// <summary>What a step's form is given: the dispute as the form shows it, and whether it opens unposted.</summary>
    private Dictionary<string, object> StepParameters(DisputeView d, bool first) => new()
    {
        [nameof(DisputeStepFormBase.FrameValue)] = new DisputeStepFrame(Township, d.Id, d.Version, d.Summary, d.Mediator,
            [.. d.Parties.Select(p => new StepParty(p.Index, p.Name, p.IsOrganisation, p.RoleLabel))], Clock.Today),
        [nameof(DisputeStepFormBase.Open)] = first,
    };

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
            if (await LinkHousehold.RunAsync(Id, party, input, CancellationToken.None))
            {
                Navigation.NavigateTo($"/t/{Township}/mediation/disputes/{Id}");
            }
        }
        catch (InputRejectedException invalid)
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
}
