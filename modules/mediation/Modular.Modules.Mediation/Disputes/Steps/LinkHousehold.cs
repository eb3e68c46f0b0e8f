using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Modules.Mediation.Households;

namespace Modular.Modules.Mediation.Disputes.Steps;

internal sealed class HouseholdLinkInput
{
    public long? Version { get; set; }

    public Guid? HouseholdId { get; set; }
}

/// <summary>
/// Links a person among the parties to their household on the ledger, or unlinks them (no household). Record-keeping,
/// not a step of mediation: possible in any state, dated by the event itself, and so not in the dispute's table.
/// </summary>
internal sealed class LinkHousehold(IDocumentSession session, HouseholdDirectory households)
{
    public async Task<bool> RunAsync(Guid id, int party, HouseholdLinkInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var stream = await session.OpenForStepAsync<Dispute>(id, input.Version, errors, ct);
        if (stream is null || party < 0 || party >= stream.Aggregate!.Parties.Count)
        {
            return false;
        }

        var household = input.HouseholdId is { } householdId ? (await households.LoadAsync([householdId], ct)).SingleOrDefault() : null;
        var events = Decide(stream.Aggregate, party, input.HouseholdId, household, errors);
        errors.ThrowIfAny();
        stream.AppendMany([.. events]);
        await session.SaveChangesAsync(ct);
        return true;
    }

    public static IReadOnlyList<object> Decide(Dispute d, int party, Guid? householdId, HouseholdSummary? household, InputErrors errors)
    {
        if (d.Parties[party].IsOrganisation)
        {
            errors.Add("party", "单位当事人不关联住户", "An organisation has no household.");
        }

        if (householdId is not null && household is null)
        {
            errors.Add("householdId", "人口信息台帐中没有这一户", "No such household on the ledger.");
        }

        return errors.Any ? [] : [new PartyHouseholdLinked(party, household?.Id, household?.Number, household?.SpecialGroups ?? [])];
    }

    public static void Map(IEndpointRouteBuilder disputes) =>
        disputes.MapPost("/{id:guid}/parties/{index:int}/household", (Guid id, int index, HouseholdLinkInput input, LinkHousehold link, DisputeQueries queries, CancellationToken ct) =>
            StepAnswers.RunAsync(() => link.RunAsync(id, index, input, ct), () => queries.GetAsync(id, ct))).RequireAuthorization(Permissions.DisputesHandle);
}
