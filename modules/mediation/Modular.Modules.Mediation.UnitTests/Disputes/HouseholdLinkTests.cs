using Modular.Kit.Input;
using Modular.Modules.Mediation.Disputes;
using Modular.Modules.Mediation.Disputes.Steps;
using Modular.Modules.Mediation.Households;
using Modular.Modules.Mediation.Shared;
using static Modular.Modules.Mediation.UnitTests.Disputes.Disputes;

namespace Modular.Modules.Mediation.UnitTests.Disputes;

public sealed class HouseholdLinkTests
{
    private static readonly HouseholdSummary Household = new(Guid.NewGuid(), "0012", "双河村", "刘德华", [SpecialGroup.ElderlyLivingAlone], 3);

    [Fact]
    public void A_person_among_the_parties_is_linked_to_their_household_and_its_special_groups_flag_the_dispute()
    {
        var errors = new InputErrors();
        var d = Registered();

        d.Apply((PartyHouseholdLinked)LinkHousehold.Decide(d, 0, Household.Id, Household, errors).Single());

        Assert.Equal("0012", d.Parties[0].HouseholdNumber);
        Assert.Equal([Household.Id], d.HouseholdIds);
        Assert.Contains(SpecialGroup.ElderlyLivingAlone, d.SpecialGroups);
    }

    [Fact]
    public void A_party_is_unlinked_with_no_household()
    {
        var errors = new InputErrors();

        Assert.Equal([new PartyHouseholdLinked(0, null, null, [])], LinkHousehold.Decide(Registered(), 0, null, null, errors));
    }

    [Fact]
    public void An_organisation_has_no_household()
    {
        var errors = new InputErrors();

        LinkHousehold.Decide(Registered(), 1, Household.Id, Household, errors);

        Assert.True(errors.Has("party"));
    }

    [Fact]
    public void A_household_not_on_the_ledger_is_refused()
    {
        var errors = new InputErrors();

        LinkHousehold.Decide(Registered(), 0, Guid.NewGuid(), null, errors);

        Assert.True(errors.Has("householdId"));
    }

    [Fact]
    public void A_household_may_be_linked_in_any_state_even_archived()
    {
        var errors = new InputErrors();

        Assert.Single(LinkHousehold.Decide(Archived(), 0, Household.Id, Household, errors));
    }
}
