using Modular.Contracts.PersonalData;

namespace Modular.Kit.PersonalData;

/// <summary>
/// A person's revealable values as <see cref="Reveals.AnswerAsync"/> asks for them, so a module names the three values
/// once instead of writing the same switch over <see cref="PersonalDataKind"/>.
/// </summary>
public static class RevealFields
{
    public static Func<PersonalDataKind, string?> Of(string? idNumber, string? phoneNumber, string? address) => kind => kind switch
    {
        PersonalDataKind.IdNumber => idNumber,
        PersonalDataKind.PhoneNumber => phoneNumber,
        PersonalDataKind.Address => address,
        _ => null,
    };
}
