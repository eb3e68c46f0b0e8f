using JasperFx.Events;
using Marten;
using Marten.Events;

namespace Modular.Modules.OpenGovernment.DisclosureRequests;

/// <summary>Opens a request's stream for one step: absent here (another township's id) is "not found", a stale version a 409.</summary>
internal sealed class RequestStreams(IDocumentSession session)
{
    public async Task<IEventStream<DisclosureRequest>?> OpenAsync(Guid id, long? version, Errors errors, CancellationToken ct)
    {
        // Loaded first: FetchForWriting with a version would call a foreign id a concurrency clash, not a 404.
        if (await session.LoadAsync<DisclosureRequest>(id, ct) is null)
        {
            return null;
        }

        if (version is null)
        {
            errors.Add("version", "缺少记录版本", "The version you read is required.");
            throw new RequestInputException(errors.ToDictionary());
        }

        var stream = await session.Events.FetchForWriting<DisclosureRequest>(id, version.Value, ct);
        return stream.Aggregate is null ? null : stream;
    }

    public static void ThrowIfAny(Errors errors)
    {
        if (errors.Any)
        {
            throw new RequestInputException(errors.ToDictionary());
        }
    }

    public Task SaveAsync(CancellationToken ct) => session.SaveChangesAsync(ct);
}
