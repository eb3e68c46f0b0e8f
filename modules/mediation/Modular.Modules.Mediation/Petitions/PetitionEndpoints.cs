using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.PersonalData;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.PersonalData;
using Modular.Kit.Records;

namespace Modular.Modules.Mediation.Petitions;

/// <summary>The staff API's read and step endpoints; every step answers the petition as it now stands.</summary>
internal static class PetitionEndpoints
{
    public static async Task<Results<Ok<PetitionListPage>, ValidationProblem>> ListAsync(string? state, bool? overdue, int? page, PetitionQueries queries, CancellationToken ct)
    {
        PetitionState? filter = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            var errors = new InputErrors();
            filter = errors.Choice<PetitionState>("state", state, "状态", "state");
            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }
        }

        return TypedResults.Ok(await queries.ListAsync(filter, overdue == true, page ?? 1, ct));
    }

    public static async Task<Results<Ok<PetitionView>, NotFound>> GetAsync(Guid id, PetitionQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineAsync(Guid id, PetitionQueries queries, CancellationToken ct) =>
        await queries.TimelineAsync(id, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    public static async Task<Results<Ok<PetitionFigureSet>, ValidationProblem>> FiguresAsync(string? from, string? to, PetitionFigures figures, PetitionClock clock, CancellationToken ct)
    {
        var errors = new InputErrors();
        var period = Period.Read(from, to, clock.Today, errors);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await figures.ForPeriodAsync(period.From, period.To, ct));
    }

    /// <summary>One field of the petitioner in clear, for a user allowed to see it who gives a reason; audited.</summary>
    public static async Task<Results<Ok<Revealed>, NotFound, ValidationProblem>> RevealAsync(
        Guid id, RevealRequest input, PetitionQueries queries, IPersonalDataGuard guard, CancellationToken ct)
    {
        if (await queries.LoadAsync(id, ct) is not { } petition)
        {
            return TypedResults.NotFound();
        }

        var who = petition.Petitioner;
        return await Reveals.AnswerAsync(input, kind => kind switch
        {
            PersonalDataKind.IdNumber => who.IdNumber,
            PersonalDataKind.PhoneNumber => who.Phone,
            PersonalDataKind.Address => who.Address,
            _ => null,
        }, $"信访 {petition.Number} / {who.Name}", guard, ct);
    }
}
