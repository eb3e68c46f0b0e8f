using Modular.Kit.Checks;

namespace Modular.Kit.Tests;

public sealed class IdentityNumberTests
{
    // 11010519491231002X is GB 11643-1999's own example; the others carry check characters computed by the standard.
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("440524188001010014")]
    [InlineData("520527199003071235")]
    public void A_number_with_its_birth_date_and_MOD_11_2_check_character_is_valid(string number) =>
        Assert.True(IdentityNumbers.IsValidResidentId(number));

    [Theory]
    [InlineData("110105194912310021", "check digit (X expected)")]
    [InlineData("520527199003071236", "check digit")]
    [InlineData("520527199002301234", "no 30 February")]
    [InlineData("520527199013071231", "no month 13")]
    [InlineData("52052719900307123", "17 characters")]
    [InlineData("5205271990030712355", "19 characters")]
    [InlineData("52052719900307123A", "a letter other than X")]
    [InlineData("5205271990030X1235", "X inside the number")]
    [InlineData("", "empty")]
    [InlineData(null, "missing")]
    public void A_mistyped_number_is_refused(string? number, string why) =>
        Assert.False(IdentityNumbers.IsValidResidentId(number), why);

    [Fact]
    public void The_number_carries_its_birth_date_and_sex() =>
        Assert.Equal((new DateOnly(1949, 12, 31), (bool?)false),
            (IdentityNumbers.BirthDate("11010519491231002X"), IdentityNumbers.IsMale("11010519491231002X")));
}

public sealed class CreditCodeTests
{
    // Published codes: GB 32100-2015's example, 华为技术有限公司, 深圳市腾讯计算机系统有限公司, and a central public
    // institution (1 = registered by the institution authority); their check characters agree with MOD 31 by hand.
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("914403001922038216")]
    [InlineData("91440300708461136T")]
    [InlineData("12100000400000624D")]
    [InlineData("91440300708461136t")]
    public void A_published_code_is_valid(string code) => Assert.True(CreditCodes.IsValid(code));

    [Theory]
    [InlineData("91350100M000100Y44", "check character")]
    [InlineData("914403001922038217", "check character")]
    [InlineData("9144030019220382I6", "I is not in the alphabet")]
    [InlineData("91440300O08461136T", "O is not in the alphabet")]
    [InlineData("9135A100M000100Y43", "letters in the division code")]
    [InlineData("91350100M000100Y4", "17 characters")]
    [InlineData(null, "missing")]
    public void A_mistyped_code_is_refused(string? code, string why) => Assert.False(CreditCodes.IsValid(code), why);
}

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("008619912345678", "19912345678")]
    public void A_mainland_mobile_is_normalised_to_its_11_digits(string written, string expected) =>
        Assert.Equal(expected, PhoneNumbers.NormaliseMobile(written));

    [Theory]
    [InlineData("12812345678")]
    [InlineData("1381234567")]
    [InlineData("23812345678")]
    [InlineData("0851-7654321")]
    [InlineData("")]
    public void Not_a_mobile_is_null(string written) => Assert.Null(PhoneNumbers.NormaliseMobile(written));

    [Theory]
    [InlineData("0851-7654321", true)]
    [InlineData("010-12345678", true)]
    [InlineData("7654321", true)]
    [InlineData("08517654321", true)]
    [InlineData("0851-7654321-123", true)]
    [InlineData("851-7654321", false)]
    [InlineData("0851-0654321", false)]
    [InlineData("0851-765432", false)]
    [InlineData("0851-7654321-1234567", false)]
    [InlineData("电话", false)]
    public void A_landline_has_an_area_code_beginning_with_0_and_7_or_8_digits(string written, bool landline) =>
        Assert.Equal(landline, PhoneNumbers.IsLandline(written));

    [Theory]
    [InlineData("12348", true)]
    [InlineData("0851-7654321", true)]
    [InlineData("12", false)]
    [InlineData("138abc45678", false)]
    public void A_plausible_phone_number_is_digits_dashes_and_spaces(string written, bool plausible) =>
        Assert.Equal(plausible, PhoneNumbers.IsPlausible(written));
}
