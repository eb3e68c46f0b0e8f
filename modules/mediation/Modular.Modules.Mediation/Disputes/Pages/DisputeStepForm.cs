namespace Modular.Modules.Mediation.Disputes.Pages;

/// <summary>
/// What the step forms of the dispute page post: every field as text, so junk is a field error from the step, never
/// a binding failure. Each form sends only the fields its step needs.
/// </summary>
internal sealed class DisputeStepForm
{
    public long? Version { get; set; }

    public string? On { get; set; }

    public string? Basis { get; set; }

    public string? AppliedBy { get; set; }

    public string? Party { get; set; }

    public string? Reason { get; set; }

    public string? Mediator { get; set; }

    public bool ChosenByParties { get; set; }

    public string? Place { get; set; }

    public string? Participants { get; set; }

    public string? Record { get; set; }

    public string? To { get; set; }

    public string? Station { get; set; }

    public string? Facts { get; set; }

    public string? Matters { get; set; }

    public string? Responsibilities { get; set; }

    public string? Terms { get; set; }

    public string? Performance { get; set; }

    public string? Routes { get; set; }

    public string? LegalAidMatter { get; set; }

    public string? ApplicantParty { get; set; }

    public string? Status { get; set; }

    public string? Note { get; set; }

    public string? Court { get; set; }

    public string? Visitor { get; set; }

    public string? FileNumber { get; set; }
}
