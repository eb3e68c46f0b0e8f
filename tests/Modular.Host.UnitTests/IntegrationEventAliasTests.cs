using Modular.Contracts.Integration;

namespace Modular.Host.UnitTests;

public sealed class IntegrationEventAliasTests
{
    [Fact]
    public void Every_integration_event_in_contracts_has_a_stable_versioned_alias_of_its_own()
    {
        var events = typeof(IIntegrationEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
            .ToList();

        Assert.NotEmpty(events);
        var aliases = events.Select(t => (Type: t, Alias: t.GetCustomAttributes(typeof(IntegrationEventAliasAttribute), false).OfType<IntegrationEventAliasAttribute>().SingleOrDefault()?.Alias)).ToList();
        Assert.All(aliases, a => Assert.Matches(@"^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[0-9]+$", a.Alias ?? $"{a.Type.Name} has no alias"));
        Assert.Equal(aliases.Count, aliases.Select(a => a.Alias).Distinct().Count());
    }
}
