using Modular.Contracts.Time;
using Modular.Kit.Input;
using Modular.Kit.Records;
using Modular.Kit.Time;

namespace Modular.Kit.Tests;

public sealed class LocalPeriodTests
{
    [Fact]
    public void A_longer_setting_is_refused_by_its_field()
    {
        var errors = new InputErrors();
        Assert.Null(errors.Period("letter.length", "letter.unit", 7, "WorkingDays", "来信办理时限", "letter period", StatutoryPeriod.CalendarDays(7)));
        Assert.True(errors.Has("letter.length"));

        var hours = new InputErrors();
        Assert.Null(hours.Hours("online", 48, new HourPeriod(24), "网上留言答复时限", "Online reply"));
        Assert.True(hours.Has("online"));
        Assert.Equal(new HourPeriod(12), new InputErrors().Hours("online", 12, new HourPeriod(24), "网上留言答复时限", "Online reply"));
    }

    [Fact]
    public void An_hour_period_runs_through_the_night_to_the_same_minute()
    {
        var received = new DateTimeOffset(2020, 1, 24, 21, 30, 0, TimeSpan.FromHours(8));
        Assert.Equal(new DateTimeOffset(2020, 1, 25, 21, 30, 0, TimeSpan.FromHours(8)), new HourPeriod(24).DueAt(received));
    }

    [Fact]
    public void A_stable_id_is_the_same_for_the_same_name_and_differs_for_another()
    {
        var id = Guid.NewGuid();
        Assert.Equal(StableIds.Of("lead", id), StableIds.Of("lead", id));
        Assert.NotEqual(StableIds.Of("lead", id), StableIds.Of("settings", id));
        Assert.Equal(5, StableIds.Of("lead", id).Version);
    }
}

public sealed class InstantTests
{
    private static readonly DateTimeOffset Now = new(2020, 6, 1, 12, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("2020-06-01T09:30")]
    [InlineData("2020-06-01 09:30")]
    [InlineData("2020-06-01T01:30:00Z")]
    [InlineData("2020-06-01T09:30:00+08:00")]
    public void A_time_is_read_as_the_township_wall_clock_or_an_instant_with_its_offset(string value)
    {
        Assert.Equal(new DateTimeOffset(2020, 6, 1, 9, 30, 0, TimeSpan.FromHours(8)), new Modular.Kit.Input.InputErrors().Instant("at", value, "时间", "Time", Now));
    }

    [Theory]
    [InlineData("2020-06-01")]
    [InlineData("tomorrow")]
    [InlineData("2020-06-01T12:30")]
    public void A_bare_date_junk_or_a_future_time_is_a_named_error(string value)
    {
        var errors = new Modular.Kit.Input.InputErrors();
        Assert.Null(errors.Instant("at", value, "时间", "Time", Now));
        Assert.True(errors.Has("at"));
    }
}
