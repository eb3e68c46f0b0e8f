using Modular.Kit.Input;
using Modular.Kit.Records;
using Modular.Kit.Time;

namespace Modular.Kit.Tests;

public sealed class TypedInstantTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("2024-03-01 09:30")]
    [InlineData("2024-03-01T09:30")]
    [InlineData(" 2024-03-01 09:30:00 ")]
    public void An_instant_typed_to_the_minute_is_beijing_time(string typed)
    {
        var errors = new InputErrors();
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 1, 30, 0, TimeSpan.Zero), errors.Instant("at", typed, "时间", "Time", Now));
        Assert.False(errors.Any);
    }

    [Theory]
    [InlineData("2026-06-01 12:01", "in the future")]
    [InlineData("2024-03-01", "a day without a time")]
    [InlineData("yesterday", "not a time")]
    [InlineData("", "missing")]
    public void Anything_else_is_a_named_error(string typed, string why)
    {
        var errors = new InputErrors();
        Assert.Null(errors.Instant("at", typed, "时间", "Time", Now));
        Assert.True(errors.Has("at"), why);
    }

    [Fact]
    public void An_optional_instant_left_blank_is_no_error() =>
        Assert.Null(new InputErrors().Instant("at", " ", "时间", "Time", Now, required: false));

    [Fact]
    public void A_datetime_local_field_shows_the_instant_in_beijing_time() =>
        Assert.Equal("2024-03-01T09:30", Instants.ForInput(new DateTimeOffset(2024, 3, 1, 1, 30, 0, TimeSpan.Zero)));
}

public sealed class StableIdTests
{
    [Fact]
    public void The_same_name_gives_the_same_id_and_another_name_another()
    {
        Assert.Equal(StableIds.Of("legal-services.settings", "yemachuan"), StableIds.Of("legal-services.settings", "yemachuan"));
        Assert.NotEqual(StableIds.Of("legal-services.settings", "yemachuan"), StableIds.Of("legal-services.settings", "shuanghe"));
    }

    [Fact]
    public void The_id_has_the_rfc_4122_name_based_shape()
    {
        var id = StableIds.Of("anything", "at all").ToString();
        Assert.Equal('5', id[14]);
        Assert.Contains(id[19], "89ab");
    }
}
