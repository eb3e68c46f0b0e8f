using Microsoft.AspNetCore.Components;
using Modular.Contracts.Townships;
using Modular.Kit.Steps;
using static Modular.Kit.Text;

namespace Modular.Modules.Mediation.Petitions.Steps;

/// <summary>What a step's form shows of the petition.</summary>
internal sealed record PetitionStepFrame(string Township, Guid Id, long Version, DateOnly Today);

/// <summary>
/// The frame of every step's form on the petition page: the step runs through the same decision as the API; a refusal
/// stays on the page with each message beside its field, a success shows the petition as it now stands.
/// </summary>
public abstract class PetitionStepFormBase : ComponentBase
{
    /// <summary>
    /// The <see cref="PetitionStepFrame"/>, handed over by the page. A component's parameters are public and the frame is the module's
    /// own (internal) type, so the parameter is an object and <see cref="Frame"/> reads it.
    /// </summary>
    [Parameter, EditorRequired] public object FrameValue { get; set; } = default!;

    internal PetitionStepFrame Frame => (PetitionStepFrame)FrameValue;

    /// <summary>Open without a post: the first step the petition allows.</summary>
    [Parameter] public bool Open { get; set; }

    [Inject] private PetitionStepContext Steps { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ICurrentUser User { get; set; } = default!;

    protected IReadOnlyDictionary<string, string[]>? Errors { get; private set; }

    protected bool IsOpen => Open || Errors is not null;

    private protected async Task SubmitAsync(Func<PetitionStepContext, Task<bool>> step)
    {
        if (!User.HasPermission(Permissions.PetitionsHandle))
        {
            Errors = new Dictionary<string, string[]> { ["state"] = [T("没有办理信访事项的权限。", "Your roles do not allow handling petitions.")] };
            return;
        }

        var post = await StepPosts.RunAsync(() => step(Steps), T("记录已被他人修改，请查看最新状态后重试。", "Someone else changed the petition: check it and try again."));
        if (post.Done)
        {
            Navigation.NavigateTo($"/t/{Frame.Township}/mediation/petitions/{Frame.Id}");
        }

        Errors = post.Errors;
    }
}
