using Marten;
using Modular.Contracts.Modules;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>
/// The steps of a request and the states that allow each, written once: the step files' guards, the API's routes and
/// the request page's forms all read this table. A step may also need a condition of the request (one notice, one
/// extension); the step's own guard then says what is missing.
/// </summary>
internal static class RequestSteps
{
    // Each name is also the end of the step's API route, /requests/{id}/<name>.
    public const string CorrectionNotice = "correction-notice";
    public const string CorrectedRequest = "corrected-request";
    public const string Extension = "extension";
    public const string StartConsultation = "consultations";
    public const string EndConsultation = "consultations/end";
    public const string Reply = "reply";

    public static readonly StepTable<DisclosureRequest, RequestState> Table =
        new StepTable<DisclosureRequest, RequestState>(r => r.State, Label)
            // 政府信息公开条例 Art 30: one notice, while the request is simply received.
            .Allow(CorrectionNotice, r => r.CorrectionNoticeOn is null, RequestState.Received)
            .Allow(CorrectedRequest, RequestState.AwaitingCorrection)
            // Art 33: once, while the clock runs (a pending correction stops it).
            .Allow(Extension, r => r.ExtensionNoticeOn is null, RequestState.Received, RequestState.InConsultation)
            // Art 32: one consultation at a time.
            .Allow(StartConsultation, RequestState.Received)
            .Allow(EndConsultation, RequestState.InConsultation)
            // An answer waits for the third party's views, but not for a correction: one never sent in time is answered too (Art 30).
            .Allow(Reply, RequestState.Received, RequestState.AwaitingCorrection);

    /// <summary>Runs a step's decision on the request's stream at the version read, every refusal at once.</summary>
    public static Task<bool> RunRequestStepAsync(this IDocumentSession session, Guid id, long? version,
        Func<DisclosureRequest, InputErrors, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var errors = new InputErrors();
        return session.RunStepAsync<DisclosureRequest>(id, version, errors, request => decide(request, errors), ct);
    }

    private static LocalizedText Label(RequestState state)
    {
        var (chinese, english) = RequestVocabulary.Label(state);
        return new LocalizedText(chinese, english);
    }
}
