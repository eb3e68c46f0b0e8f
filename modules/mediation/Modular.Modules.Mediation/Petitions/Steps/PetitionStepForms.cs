namespace Modular.Modules.Mediation.Petitions.Steps;

/// <summary>Each step's form, by the step's name: the page renders the forms of the steps <see cref="Petition.Steps"/> allows.</summary>
internal static class PetitionStepForms
{
    private static readonly Dictionary<string, Type> Forms = new(StringComparer.Ordinal)
    {
        [AcceptPetitionStep.Name] = typeof(AcceptPetitionForm),
        [ObjectToPetitionStep.Name] = typeof(ObjectToPetitionForm),
        [ClassifyPetitionStep.Name] = typeof(ClassifyPetitionForm),
        [InvestigatePetitionStep.Name] = typeof(InvestigatePetitionForm),
        [RedirectPetitionStep.Name] = typeof(RedirectPetitionForm),
        [IssueOpinionStep.Name] = typeof(IssueOpinionForm),
        [ExtendDeadlineStep.Name] = typeof(ExtendDeadlineForm),
        [RequestReviewStep.Name] = typeof(RequestReviewForm),
        [DecideReviewStep.Name] = typeof(DecideReviewForm),
    };

    public static Type For(string step) => Forms[step];
}
