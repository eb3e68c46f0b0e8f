using Modular.Host.Storage.Databases;

namespace Modular.Host.UnitTests.Storage;

public sealed class PlacementRuleTests
{
    private static Dictionary<string, TownshipDatabaseOptions> Databases(params (string Id, string[] Counties)[] databases) =>
        databases.ToDictionary(d => d.Id, d => new TownshipDatabaseOptions { ConnectionString = "Host=x", Counties = [.. d.Counties] }, StringComparer.Ordinal);

    [Fact]
    public void With_no_township_databases_a_new_township_stays_in_the_platform_database() =>
        Assert.Equal(TownshipTenancy.PlatformDatabase, PlacementRule.Choose("520527", Databases(), new Dictionary<string, int>()).Database);

    [Fact]
    public void A_new_township_goes_to_the_database_holding_fewest_townships()
    {
        var placed = PlacementRule.Choose("520527", Databases(("north", []), ("south", [])), new Dictionary<string, int> { ["north"] = 3, ["south"] = 1, ["platform"] = 0 });
        Assert.Equal("south", placed.Database);
        Assert.Contains("fewest", placed.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_tie_the_first_database_by_id_takes_it() =>
        Assert.Equal("north", PlacementRule.Choose("520527", Databases(("south", []), ("north", [])), new Dictionary<string, int>()).Database);

    [Fact]
    public void A_database_that_names_the_county_takes_its_townships_whatever_the_load()
    {
        var placed = PlacementRule.Choose("520527", Databases(("north", ["520527"]), ("south", [])), new Dictionary<string, int> { ["north"] = 50 });
        Assert.Equal("north", placed.Database);
        Assert.Contains("520527", placed.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("platform")]
    [InlineData("North")]
    [InlineData("1st")]
    public void A_database_id_that_is_not_a_lowercase_name_or_is_platform_is_refused(string id) =>
        Assert.Throws<InvalidOperationException>(() => PlacementRule.Validate(Databases((id, []))));

    [Fact]
    public void A_database_without_a_connection_string_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => PlacementRule.Validate(new Dictionary<string, TownshipDatabaseOptions> { ["north"] = new() }));
}
