using Modular.Contracts.PersonalData;

namespace Modular.Host.UnitTests.PersonalData;

public sealed class PersonalDataMaskTests
{
    [Theory]
    [InlineData(PersonalDataKind.IdNumber, "52052719800101123X", "520527********123X")]
    [InlineData(PersonalDataKind.PhoneNumber, "13812345678", "138****5678")]
    [InlineData(PersonalDataKind.Name, "张三丰", "张**")]
    [InlineData(PersonalDataKind.Address, "野马川镇红光村三组", "野马川镇*****")]
    [InlineData(PersonalDataKind.PhoneNumber, "1234", "****")]
    [InlineData(PersonalDataKind.IdNumber, "", "")]
    public void Personal_data_is_masked_keeping_only_what_identifies_the_record_to_its_clerk(PersonalDataKind kind, string value, string masked) =>
        Assert.Equal(masked, PersonalDataMask.Mask(kind, value));
}
