using Microsoft.AspNetCore.Components;
using Modular.Contracts.Townships;
using Modular.Kit.Steps;
using static Modular.Kit.Text;

namespace Modular.Modules.LegalServices.Consultations.Steps;

/// <summary>What a step's form shows of the consultation.</summary>
internal sealed record ConsultationStepFrame(string Township, Guid Id, long Version, DateTimeOffset Now);

/// <summary>
/// The frame of every step's form on the consultation's page: the step runs through the same decision as the API; a
/// refusal stays on the page with each message beside its field, a success shows the consultation as it now stands.
/// </summary>
public abstract class ConsultationStepFormBase : ComponentBase
{
    /// <summary>The <see cref="ConsultationStepFrame"/>: a component's parameters are public, the frame is internal.</summary>
    [Parameter, EditorRequired] public object FrameValue { get; set; } = default!;

    /// <summary>Open without a post: the first step the consultation allows.</summary>
    [Parameter] public bool Open { get; set; }

    internal ConsultationStepFrame Frame => (ConsultationStepFrame)FrameValue;

    [Inject] private ConsultationStepContext Steps { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ICurrentUser User { get; set; } = default!;

    protected IReadOnlyDictionary<string, string[]>? Errors { get; private set; }

    protected bool IsOpen => Open || Errors is not null;

    protected string NowValue => Kit.Time.Instants.ForInput(Frame.Now);

    private protected async Task SubmitAsync(Func<ConsultationStepContext, Task<bool>> step)
    {
        // The page is open to readers: a step posted without the permission is refused here too.
        if (!User.HasPermission(ConsultationsArea.Write))
        {
            Errors = new Dictionary<string, string[]> { ["state"] = [T("没有办理法律咨询的权限。", "Your roles do not allow handling consultations.")] };
            return;
        }

        var post = await StepPosts.RunAsync(() => step(Steps), T("该咨询已被他人更新，请查看最新状态后重试。", "Someone else changed the consultation: check it and try again."));
        if (post.Done)
        {
            Navigation.NavigateTo($"/t/{Frame.Township}/legal-services/consultations/{Frame.Id}");
        }

        Errors = post.Errors;
    }
}
