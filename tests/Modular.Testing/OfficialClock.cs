using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Time;
using Modular.Host.Time;

namespace Modular.Testing;

/// <summary>
/// The statutory clock as the host builds it (the shipped 2020–2026 notices), standing on a chosen day: for tests of
/// deadlines against real holidays without a host or a database.
/// </summary>
public static class OfficialClock
{
    // Reading and validating the calendar is what costs: a loop over every day of a year used to do it 365 times.
    // It is built once per process; each day gets its own clock over that one calendar, the way the host's is made.
    private static readonly Lazy<(IServiceProvider Services, Type Clock)> Calendar = new(() =>
    {
        var configuration = new ConfigurationBuilder().AddOfficialHolidayCalendar().Build();
        var services = new ServiceCollection().AddSingleton(TimeProvider.System).AddStatutoryClock(configuration);
        var clock = services.Single(d => d.ServiceType == typeof(IStatutoryClock)).ImplementationType
            ?? throw new InvalidOperationException("The host registers its statutory clock by type.");
        return (services.BuildServiceProvider(), clock);
    });

    public static IStatutoryClock On(DateOnly today)
    {
        var (services, clock) = Calendar.Value;
        var noon = new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
        return (IStatutoryClock)ActivatorUtilities.CreateInstance(services, clock, (TimeProvider)new Fixed(noon));
    }

    private sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
