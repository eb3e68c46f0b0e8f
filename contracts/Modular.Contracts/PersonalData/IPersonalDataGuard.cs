namespace Modular.Contracts.PersonalData;

/// <summary>The kinds of personal data the platform masks by default.</summary>
public enum PersonalDataKind
{
    IdNumber,
    PhoneNumber,
    Address,
    Name,

    /// <summary>
    /// A person's economic situation (income, property, household means), as legal aid records it: sensitive personal
    /// information (个人信息保护法 Art 28), never shown but through a reveal, which the county's security audit sees too.
    /// </summary>
    Means,
}

/// <summary>
/// Masks personal data wherever it is shown, and records every reveal of it. Modules never show an ID number,
/// phone number or address without going through this guard.
/// </summary>
public interface IPersonalDataGuard
{
    /// <summary>The masked form: an ID number keeps its first 6 and last 4 characters, a phone number its first 3 and last 4.</summary>
    string Mask(PersonalDataKind kind, string? value);

    /// <summary>
    /// Records that the current user revealed one field of one person, with their reason, and returns the clear value.
    /// The reveal is an event in the township's audit trail, listed for the township admin.
    /// </summary>
    /// <param name="subject">Whose data it is, as the module names the record (住户 3 / 成员 2).</param>
    /// <exception cref="ArgumentException">When <paramref name="reason"/> is empty: a reveal always has a reason.</exception>
    Task<string> RevealAsync(PersonalDataKind kind, string value, string subject, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the current user exported personal data unmasked (a ledger of <paramref name="records"/> records), with
    /// their reason, in the same audit trail as reveals. Call it before the file is written; an export always has a reason.
    /// </summary>
    /// <param name="subject">What was exported, as the module names it (人口信息台帐 完整导出).</param>
    /// <exception cref="ArgumentException">When <paramref name="reason"/> is empty.</exception>
    Task RecordFullExportAsync(string subject, int records, string reason, CancellationToken cancellationToken);
}
