using Modular.Kit.Input;

namespace Modular.Kit.Tests;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("调解协议\t第一条\r\n第二条")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_with_tabs_and_line_breaks_is_acceptable(string? text) => Assert.True(PlainText.IsAcceptable(text));

    [Theory]
    [InlineData("张\u0000三")]
    [InlineData("张\u0007三")]
    [InlineData("张\u001B三")]
    [InlineData("张\u007F三")]
    public void Text_with_NUL_or_a_control_character_is_not(string text) => Assert.False(PlainText.IsAcceptable(text));

    [Fact]
    public void For_XML_strips_what_XML_cannot_carry_and_keeps_the_rest()
    {
        var stored = "甲\u0000乙\u0001丙\t丁\n\uFFFE戊\uD800己😀";

        Assert.Equal("甲乙丙\t丁\n戊己😀", PlainText.ForXml(stored));
    }

    [Fact]
    public void For_XML_returns_clean_text_as_it_is() =>
        Assert.Same("野马川镇", PlainText.ForXml("野马川镇"));
}

public sealed class InputErrorsTests
{
    private enum Kind
    {
        Neighbour,
        Land,
    }

    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public void Every_problem_of_an_input_is_named_at_once()
    {
        var errors = new InputErrors();

        errors.Required("name", " ", "姓名", "Name");
        errors.Required("summary", "争议\u0000经过", "经过", "Summary");
        errors.Optional("note", new string('字', 2001), "备注", "Note");
        errors.Choice<Kind>("kind", "Water", "类别", "kind");
        errors.Date("receivedOn", "2026-03-11", "受理日期", "Received on", Today);
        errors.IdNumber("idNumber", "110105194912310021");
        errors.CreditCode("creditCode", "91350100M000100Y44");
        errors.Mobile("mobile", "1381234567");
        errors.Phone("phone", "电话号码");
        errors.Number("parties", 0, "当事人数", "Parties", 1, 50);

        var refusal = Assert.Throws<InputRejectedException>(errors.ThrowIfAny);
        Assert.Equal(
            ["creditCode", "idNumber", "kind", "mobile", "name", "note", "parties", "phone", "receivedOn", "summary"],
            refusal.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(refusal.Errors.Values, messages => Assert.Contains(" / ", Assert.Single(messages), StringComparison.Ordinal));
        Assert.Contains("control characters", refusal.Errors["summary"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Good_values_come_back_cleaned_and_nothing_is_thrown()
    {
        var errors = new InputErrors();

        var read = (
            errors.Required("name", "  张三 ", "姓名", "Name"),
            errors.Choice<Kind>("kind", "land", "类别", "kind"),
            errors.Date("receivedOn", "2026-03-10", "受理日期", "Received on", Today),
            errors.IdNumber("idNumber", "11010519491231002x"),
            errors.Mobile("mobile", "+86 138 1234 5678"),
            errors.Optional("note", "  ", "备注", "Note"));

        errors.ThrowIfAny();
        Assert.Equal(("张三", (Kind?)Kind.Land, (DateOnly?)Today, "11010519491231002X", "13812345678", (string?)null), read);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("0")]
    [InlineData(" 1 ")]
    [InlineData("-1")]
    public void A_choice_never_binds_a_number(string value)
    {
        var errors = new InputErrors();

        Assert.Null(errors.Choice<Kind>("kind", value, "类别", "kind"));
        Assert.True(errors.Has("kind"));
    }

    [Fact]
    public void A_missing_optional_choice_is_no_problem()
    {
        var errors = new InputErrors();

        Assert.Null(errors.Choice<Kind>("kind", null, "类别", "kind", required: false));
        Assert.False(errors.Any);
    }
}
