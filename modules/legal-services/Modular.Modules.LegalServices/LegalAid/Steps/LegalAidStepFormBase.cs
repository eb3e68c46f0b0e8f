using Microsoft.AspNetCore.Components;
using Modular.Contracts.Townships;
using Modular.Kit.Steps;
using static Modular.Kit.Text;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

/// <summary>What a step's form shows of the application (no personal data: a form never shows it back).</summary>
internal sealed record LegalAidStepFrame(string Township, Guid Id, long Version, DateOnly Today, DateTimeOffset Now, string Agency, ApplicationInput? Draft);

/// <summary>
/// The frame of every step's form on the application page: the step runs through the same decision as the API; a
/// refusal stays on the page with each message beside its field, a success shows the application as it now stands.
/// </summary>
public abstract class LegalAidStepFormBase : ComponentBase
{
    /// <summary>The <see cref="LegalAidStepFrame"/> (an object: a component's parameters are public, the frame is the module's own).</summary>
    [Parameter, EditorRequired] public object FrameValue { get; set; } = default!;

    internal LegalAidStepFrame Frame => (LegalAidStepFrame)FrameValue;

    /// <summary>Open without a post: the first step the application allows.</summary>
    [Parameter] public bool Open { get; set; }

    [Inject] private LegalAidStepContext Steps { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private ICurrentUser User { get; set; } = default!;

    protected IReadOnlyDictionary<string, string[]>? Errors { get; private set; }

    protected bool IsOpen => Open || Errors is not null;

    private protected async Task SubmitAsync(Func<LegalAidStepContext, Task<bool>> step)
    {
        // The page is open to readers: a step posted without the permission to handle applications is refused here too.
        if (!User.HasPermission(LegalAidArea.Handle))
        {
            Errors = new Dictionary<string, string[]> { ["state"] = [T("没有办理法律援助申请的权限。", "Your roles do not allow handling legal-aid applications.")] };
            return;
        }

        var post = await StepPosts.RunAsync(() => step(Steps), T("申请已被他人更新，请查看最新状态后重试。", "Someone else changed the application: check it and try again."));
        if (post.Done)
        {
            Navigation.NavigateTo($"/t/{Frame.Township}/legal-services/legal-aid/{Frame.Id}");
        }

        Errors = post.Errors;
    }
}

/// <summary>Each step's form, by the step's name: the page renders the forms of the steps <see cref="LegalAidApplication.Steps"/> allows.</summary>
internal static class LegalAidStepForms
{
    private static readonly Dictionary<string, Type> Forms = new(StringComparer.Ordinal)
    {
        [ConfirmDraftStep.Name] = typeof(ConfirmDraftForm),
        [DismissDraftStep.Name] = typeof(DismissDraftForm),
        [RequestMaterialsStep.Name] = typeof(RequestMaterialsForm),
        [SupplyMaterialsStep.Name] = typeof(SupplyMaterialsForm),
        [WithdrawForNoReplyStep.Name] = typeof(WithdrawForNoReplyForm),
        [ForwardApplicationStep.Name] = typeof(ForwardApplicationForm),
        [RecordAgencyReceiptStep.Name] = typeof(RecordAgencyReceiptForm),
        [ProvideProvisionalAidStep.Name] = typeof(ProvideProvisionalAidForm),
        [CompletePaperworkStep.Name] = typeof(CompletePaperworkForm),
        [GrantAidStep.Name] = typeof(GrantAidForm),
        [RefuseAidStep.Name] = typeof(RefuseAidForm),
        [FileObjectionStep.Name] = typeof(FileObjectionForm),
        [DecideObjectionStep.Name] = typeof(DecideObjectionForm),
        [AssignAidStep.Name] = typeof(AssignAidForm),
        [StartAidStep.Name] = typeof(StartAidForm),
        [TerminateAidStep.Name] = typeof(TerminateAidForm),
        [CloseAidStep.Name] = typeof(CloseAidForm),
        [VisitRecipientStep.Name] = typeof(VisitRecipientForm),
    };

    public static Type For(string step) => Forms[step];
}
