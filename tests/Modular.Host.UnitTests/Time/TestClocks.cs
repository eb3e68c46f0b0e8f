using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Time;
using Modular.Host.Time;

namespace Modular.Host.UnitTests.Time;

internal sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => utcNow;
}

internal static class TestClocks
{
    // Far from any date the tests compute, so a test that forgets to set the clock cannot pass by accident.
    private static readonly DateTimeOffset Unset = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The clock as the host builds it: the shipped calendar, then whatever a deployment adds on top.</summary>
    public static IStatutoryClock Official(DateTimeOffset? utcNow = null, IDictionary<string, string?>? deployment = null) =>
        Services(utcNow, deployment).GetRequiredService<IStatutoryClock>();

    public static ServiceProvider Services(DateTimeOffset? utcNow = null, IDictionary<string, string?>? deployment = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddOfficialHolidayCalendar()
            .AddInMemoryCollection(deployment ?? new Dictionary<string, string?>())
            .Build();
        return new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedTimeProvider(utcNow ?? Unset))
            .AddStatutoryClock(configuration)
            .BuildServiceProvider();
    }

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
