using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Time;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.PersonalData;
using Modular.Kit.Records;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>The staff API of the roster and the leads; every step answers the record as it now stands.</summary>
internal static class LiaisonEndpoints
{
    public static async Task<Results<Ok<IReadOnlyList<LiaisonView>>, ValidationProblem>> RosterAsync(
        string? village, string? role, string? active, LiaisonQueries queries, CancellationToken ct)
    {
        var errors = new InputErrors();
        var filter = RosterFilter.Read(village, role, active, errors);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await queries.ListAsync(filter, ct));
    }

    public static async Task<Results<Ok<LiaisonCountSet>, ValidationProblem>> CountsAsync(
        string? from, string? to, string? village, string? role, string? active, LiaisonQueries queries, LeadCounts counts, IStatutoryClock clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        var period = Period.Read(from, to, clock.Today, errors);
        var filter = RosterFilter.Read(village, role, active, errors);
        return errors.Any
            ? TypedResults.ValidationProblem(errors.ToDictionary())
            : TypedResults.Ok(await counts.ForRosterAsync(await queries.ListAsync(filter, ct), period, ct));
    }

    public static async Task<Results<Ok<LiaisonView>, NotFound>> LiaisonAsync(Guid id, LiaisonQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> LiaisonTimelineAsync(Guid id, LiaisonQueries queries, CancellationToken ct) =>
        await queries.TimelineAsync(id, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    /// <summary>The liaison's phone in clear, for the reason given (the API's policy has checked the permission); 404 for another township's.</summary>
    public static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> RevealAsync(
        Guid id, RevealRequest request, LiaisonQueries queries, IPersonalDataGuard guard, CancellationToken ct) =>
        await queries.LoadAsync(id, ct) is { } liaison
            ? await Reveals.AnswerAsync(request, liaison.PersonalData, liaison.Subject(), guard, ct)
            : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<LeadView>>, ValidationProblem>> LeadsAsync(
        string? state, string? village, string? liaison, LeadQueries queries, CancellationToken ct)
    {
        var errors = new InputErrors();
        var filter = LeadFilter.Read(state, village, liaison, errors);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await queries.ListAsync(filter, ct));
    }

    public static async Task<Results<Ok<LeadView>, NotFound>> LeadAsync(Guid id, LeadQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> LeadTimelineAsync(Guid id, LeadQueries queries, CancellationToken ct) =>
        await queries.TimelineAsync(id, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();
}
