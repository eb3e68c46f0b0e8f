using Microsoft.AspNetCore.Components;
using Modular.Contracts.Townships;
using Modular.Kit.Steps;
using static Modular.Kit.Text;

namespace Modular.Modules.LegalServices.Counsel;

/// <summary>What a step's form knows of its record: where it lives, the version read, who may post it, the page to show after.</summary>
internal sealed record CounselStepFrame(string Township, Guid Id, long Version, DateOnly Today, string Permission, string ReturnTo);

/// <summary>
/// The frame of every counsel step's form: it posts through the same step as the API; a refusal stays on the page with
/// each message beside its field, a success shows the record as it now stands.
/// </summary>
public abstract class CounselStepFormBase : ComponentBase
{
    /// <summary>The <see cref="CounselStepFrame"/> (an object: a component's parameters are public, the frame is the module's own).</summary>
    [Parameter, EditorRequired] public object FrameValue { get; set; } = default!;

    [Parameter] public bool Open { get; set; }

    internal CounselStepFrame Frame => (CounselStepFrame)FrameValue;

    protected string TodayValue => Frame.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Inject] private CounselStepContext Steps { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ICurrentUser User { get; set; } = default!;

    protected IReadOnlyDictionary<string, string[]>? Errors { get; private set; }

    protected bool IsOpen => Open || Errors is not null;

    private protected async Task SubmitAsync(Func<CounselStepContext, Task<bool>> step)
    {
        // A page is read by more people than may act on it: a forged post without the permission does nothing.
        var post = User.HasPermission(Frame.Permission)
            ? await StepPosts.RunAsync(() => step(Steps), T("记录已被他人更新，请查看最新状态后重试。", "Someone else changed the record: check it and try again."))
            : new StepPost(false, new Dictionary<string, string[]> { ["state"] = [T("您的角色不能进行此操作。", "Your roles do not allow this step.")] });
        if (post.Done)
        {
            Navigation.NavigateTo(Frame.ReturnTo);
        }

        Errors = post.Errors;
    }
}
