using Microsoft.AspNetCore.Components;
using Modular.Contracts.Townships;
using Modular.Kit.Steps;
using static Modular.Kit.Text;

namespace Modular.Modules.Mediation.Disputes.Steps;

/// <summary>A party as a step's form offers them (names only: a form never shows personal data).</summary>
internal sealed record StepParty(int Index, string Name, bool IsOrganisation, string RoleLabel);

/// <summary>What a step's form shows of the dispute.</summary>
internal sealed record DisputeStepFrame(
    string Township, Guid Id, long Version, string Summary, string? Mediator, IReadOnlyList<StepParty> Parties, DateOnly Today)
{
    public string Participants => string.Join("、", Parties.Select(p => p.Name).Append(Mediator ?? "").Where(n => n.Length > 0));
}

/// <summary>
/// The frame of every step's form on the dispute page: the step runs through the same decision as the API; a refusal
/// stays on the page with each message beside its field, a success shows the dispute as it now stands.
/// </summary>
public abstract class DisputeStepFormBase : ComponentBase
{
    /// <summary>
    /// The <see cref="DisputeStepFrame"/>, handed over by the page. A component's parameters are public and the frame is the module's
    /// own (internal) type, so the parameter is an object and <see cref="Frame"/> reads it.
    /// </summary>
    [Parameter, EditorRequired] public object FrameValue { get; set; } = default!;

    internal DisputeStepFrame Frame => (DisputeStepFrame)FrameValue;

    /// <summary>Open without a post: the first step the dispute allows.</summary>
    [Parameter] public bool Open { get; set; }

    [Inject] private DisputeStepContext Steps { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ICurrentUser User { get; set; } = default!;

    /// <summary>The errors of this form's post, if it was refused.</summary>
    protected IReadOnlyDictionary<string, string[]>? Errors { get; private set; }

    protected bool IsOpen => Open || Errors is not null;

    private protected string CurrentUserName => User.DisplayName;

    private protected async Task SubmitAsync(Func<DisputeStepContext, Task<bool>> step)
    {
        // The page is open to readers: a step posted without the permission to handle disputes is refused here too.
        if (!User.HasPermission(Permissions.DisputesHandle))
        {
            Errors = new Dictionary<string, string[]> { ["state"] = [T("没有办理矛盾纠纷的权限。", "Your roles do not allow handling disputes.")] };
            return;
        }

        var post = await StepPosts.RunAsync(() => step(Steps), T("纠纷已被他人更新，请查看最新状态后重试。", "Someone else changed the dispute: check it and try again."));
        if (post.Done)
        {
            Navigation.NavigateTo($"/t/{Frame.Township}/mediation/disputes/{Frame.Id}");
        }

        Errors = post.Errors;
    }
}
