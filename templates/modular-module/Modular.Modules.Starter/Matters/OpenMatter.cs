using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Portal;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.Starter.Matters;

/// <summary>What the API and the form post to record a matter: text only, so junk is a field error, never a binding failure.</summary>
internal sealed class OpenMatterInput
{
    public string? Title { get; set; }

    public string? OpenedOn { get; set; }

    /// <summary>The phone of the person the matter concerns, if they left one (personal data).</summary>
    public string? Phone { get; set; }
}

/// <summary>
/// 登记: a matter is recorded and numbered within its year. It starts the stream, so it is not a step of the table;
/// everything after it is (<c>Steps/</c>).
/// </summary>
internal sealed class OpenMatter(IDocumentSession session, IPublicPageCache publicPages, TimeProvider time)
{
    /// <summary>The decision: the event (its id and number still to come), or every refusal in <paramref name="errors"/>.</summary>
    public static MatterOpened? Decide(OpenMatterInput input, DateOnly today, InputErrors errors)
    {
        var title = errors.Required("title", input.Title, "事项名称", "Title", 200);
        var openedOn = errors.Date("openedOn", input.OpenedOn, "登记日期", "Date recorded", today);
        var phone = errors.Phone("phone", input.Phone);
        return errors.Any ? null : new MatterOpened(Guid.Empty, "", title!, openedOn!.Value, phone);
    }

    /// <summary>Records the matter; <see cref="InputRejectedException"/> (400, every field) when the input is refused.</summary>
    public async Task<Guid> OpenAsync(OpenMatterInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var opened = Decide(input, TownshipTime.Today(time), errors);
        errors.ThrowIfAny();
        var id = Guid.NewGuid();
        await YearlyNumbers.SaveWithNextAsync<MatterNumberCounter, Guid>(session, opened!.OpenedOn.Year, number =>
        {
            session.Events.StartStream<Matter>(id, opened with { Id = id, Number = number });
            return id;
        }, ct);
        // The public summary counts matters: anonymous visitors see the new one now, not when their cached copy expires.
        await publicPages.EvictAsync(ct);
        return id;
    }

    /// <summary><c>POST …/matters</c>: 201 with the matter; a refused input escapes to the host, which answers 400.</summary>
    public static async Task<Created<MatterView>> EndpointAsync(OpenMatterInput input, OpenMatter handler, MatterQueries queries, CancellationToken ct)
    {
        var id = await handler.OpenAsync(input, ct);
        return TypedResults.Created($"matters/{id}", await queries.GetAsync(id, ct));
    }
}
