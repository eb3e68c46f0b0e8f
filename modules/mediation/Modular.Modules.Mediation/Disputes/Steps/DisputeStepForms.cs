namespace Modular.Modules.Mediation.Disputes.Steps;

/// <summary>Each step's form, by the step's name: the page renders the forms of the steps <see cref="Dispute.Steps"/> allows.</summary>
internal static class DisputeStepForms
{
    private static readonly Dictionary<string, Type> Forms = new(StringComparer.Ordinal)
    {
        [StartMediationStep.Name] = typeof(StartMediationForm),
        [RefuseMediationStep.Name] = typeof(RefuseMediationForm),
        [AssignMediatorStep.Name] = typeof(AssignMediatorForm),
        [HoldSessionStep.Name] = typeof(HoldSessionForm),
        [RouteDisputeStep.Name] = typeof(RouteDisputeForm),
        [NotifyPoliceStep.Name] = typeof(NotifyPoliceForm),
        [DraftAgreementStep.Name] = typeof(DraftAgreementForm),
        [SignAgreementStep.Name] = typeof(SignAgreementForm),
        [ReachOralAgreementStep.Name] = typeof(ReachOralAgreementForm),
        [RecordFailureStep.Name] = typeof(RecordFailureForm),
        [CheckPerformanceStep.Name] = typeof(CheckPerformanceForm),
        [RecordCourtConfirmationStep.Name] = typeof(RecordCourtConfirmationForm),
        [VisitAfterAgreementStep.Name] = typeof(VisitAfterAgreementForm),
        [ArchiveDisputeStep.Name] = typeof(ArchiveDisputeForm),
    };

    public static Type For(string step) => Forms[step];
}
