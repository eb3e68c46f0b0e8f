using System.Globalization;

namespace Modular.Modules.Mediation.Households;

internal enum Sex
{
    Male,
    Female,
}

/// <summary>
/// What a valid GB 11643 number says about its holder: the birth date (digits 7–14) and the sex (digit 17, odd for
/// men). Call only with numbers <see cref="Shared.IdentityNumbers.IsValidResidentId"/> accepted.
/// </summary>
internal static class ResidentIds
{
    public static DateOnly BirthDate(string idNumber) =>
        DateOnly.ParseExact(idNumber.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    public static Sex SexOf(string idNumber) => (idNumber[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>Full years on <paramref name="today"/>: the birthday itself counts.</summary>
    public static int Age(string idNumber, DateOnly today)
    {
        var born = BirthDate(idNumber);
        var age = today.Year - born.Year;
        return born.AddYears(age) > today ? age - 1 : age;
    }
}
