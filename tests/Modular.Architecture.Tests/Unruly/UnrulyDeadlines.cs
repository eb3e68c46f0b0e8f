using Modular.Contracts.Extensions;
using Modular.Kit.Time;

namespace Modular.Architecture.Tests.Unruly;

/// <summary>Deadlines counted by hand, the way a module must not: each one lands on rest days.</summary>
internal static class UnrulyDeadlines
{
    public static DateOnly Target(DateOnly received) => received.AddDays(30);

    public static Func<DateTime, DateTime> Review => instant => instant.AddMonths(1);

    public static DateOnly Rebuilt(DateOnly reported) => DateOnly.FromDayNumber(reported.DayNumber + 3);

    public static async Task<DateTimeOffset> RenewalAsync(DateTimeOffset issued)
    {
        await Task.Yield();
        return issued.AddYears(3);
    }

    /// <summary>Its neighbour: a marked member with a reason passes.</summary>
    [NotADeadline("a person's age: the anniversary of the birth, not a period")]
    public static int Age(DateOnly born, DateOnly today) => today.Year - born.Year - (today < born.AddYears(today.Year - born.Year) ? 1 : 0);

    [NotADeadline(" ")]
    public static DateOnly Unexplained(DateOnly day) => day.AddDays(1);
}

/// <summary>Demo records spread over a year: exempt.</summary>
internal sealed class UnrulyDemo : IDemoData
{
    public DateOnly LastSeeded { get; private set; }

    public Task SeedAsync(CancellationToken cancellationToken)
    {
        LastSeeded = new DateOnly(2020, 1, 6).AddDays(16);
        return Task.CompletedTask;
    }
}
