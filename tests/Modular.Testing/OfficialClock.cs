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
    public static IStatutoryClock On(DateOnly today)
    {
        var configuration = new ConfigurationBuilder().AddOfficialHolidayCalendar().Build();
        var noon = new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
        return new ServiceCollection()
            .AddSingleton<TimeProvider>(new Fixed(noon))
            .AddStatutoryClock(configuration)
            .BuildServiceProvider()
            .GetRequiredService<IStatutoryClock>();
    }

    private sealed class Fixed(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
