namespace Modular.Kit.Time;

/// <summary>
/// A clock stopped at one instant. Demo data records each step through the module's own code on the day it happened
/// (<c>workflow.At(new FixedTime(…))</c>), so its records carry the dates of the year they tell, not the day they were
/// seeded. Not for production paths: those take the platform's <see cref="TimeProvider"/>.
/// </summary>
public sealed class FixedTime(DateTimeOffset at) : TimeProvider
{
    /// <summary>Ten in the morning, township time, on <paramref name="day"/>.</summary>
    public static FixedTime OnDay(DateOnly day) => At(day, new TimeOnly(10, 0));

    /// <summary><paramref name="time"/> township time on <paramref name="day"/>.</summary>
    public static FixedTime At(DateOnly day, TimeOnly time) => new(TownshipTime.At(day, time));

    public override DateTimeOffset GetUtcNow() => at.ToUniversalTime();
}
