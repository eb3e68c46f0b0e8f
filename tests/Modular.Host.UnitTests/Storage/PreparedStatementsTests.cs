using Modular.Host.Storage;
using Npgsql;

namespace Modular.Host.UnitTests.Storage;

public sealed class PreparedStatementsTests
{
    [Fact]
    public void A_connection_string_that_says_nothing_of_preparation_gets_the_platforms_defaults_and_keeps_the_rest()
    {
        var applied = new NpgsqlConnectionStringBuilder(PreparedStatements.Apply("Host=db.example;Port=5433;Database=modular;Username=app;Maximum Pool Size=60"));

        Assert.Equal(PreparedStatements.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal(PreparedStatements.MinUsages, applied.AutoPrepareMinUsages);
        Assert.Equal(("db.example", 5433, "modular", "app", 60), (applied.Host, applied.Port, applied.Database, applied.Username, applied.MaxPoolSize));
    }

    [Theory]
    [InlineData("Host=x;Max Auto Prepare=0", 0, PreparedStatements.MinUsages)]
    [InlineData("Host=x;max auto prepare=10", 10, PreparedStatements.MinUsages)]
    [InlineData("Host=x;MaxAutoPrepare=7;Auto Prepare Min Usages=9", 7, 9)]
    [InlineData("Host=x;autoprepareminusages=5", PreparedStatements.MaxAutoPrepare, 5)]
    public void What_an_operator_says_is_kept_however_it_is_spelled(string given, int maxAutoPrepare, int minUsages)
    {
        var applied = new NpgsqlConnectionStringBuilder(PreparedStatements.Apply(given));

        Assert.Equal((maxAutoPrepare, minUsages), (applied.MaxAutoPrepare, applied.AutoPrepareMinUsages));
    }
}
