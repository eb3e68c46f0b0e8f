using Marten;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>How every step file runs its decision: on the request's stream at the version read, all refusals at once.</summary>
internal static class RequestSteps
{
    public static Task<bool> RunRequestStepAsync(this IDocumentSession session, Guid id, long? version,
        Func<DisclosureRequest, InputErrors, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var errors = new InputErrors();
        return session.RunStepAsync<DisclosureRequest>(id, version, errors, request => decide(request, errors), ct);
    }
}
