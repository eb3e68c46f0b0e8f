using System.Globalization;
using Marten;
using Modular.Contracts.PersonalData;
using Modular.Contracts.Townships;
using Modular.Host.Storage;

namespace Modular.Host;

/// <summary>That a user revealed one field of one person's data, and why. Never holds the value itself.</summary>
public sealed record PersonalDataRevealed(string Kind, string Subject, string Reason, string MaskedValue);

/// <summary>
/// Masks personal data and records every reveal in the township's event log, where the township admin reads it; a full
/// export goes to the platform's security audit trail as well. Most requests only mask, so the session and the audit
/// trail are opened on the first reveal (Autofac's <see cref="Lazy{T}"/>): a ledger read opens no writing session.
/// </summary>
internal sealed class PersonalDataGuard(Lazy<IDocumentSession> sessions, ITownshipContext township, Lazy<Identity.Audit.SecurityAudit> audits) : IPersonalDataGuard
{
    /// <summary>The kind recorded for a full export, next to the <see cref="PersonalDataKind"/> names of single reveals.</summary>
    public const string FullExport = "FullExport";

    public static Guid RevealStream(string township) => StableId.For("personal-data-reveals", township);

    public string Mask(PersonalDataKind kind, string? value) => PersonalDataMask.Mask(kind, value);

    public async Task<string> RevealAsync(PersonalDataKind kind, string value, string subject, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("查看个人信息须说明理由 / A reveal needs a reason.", nameof(reason));
        }

        var current = township.Required;
        var session = sessions.Value;
        session.Events.Append(RevealStream(current.Slug), new PersonalDataRevealed(kind.ToString(), subject, reason.Trim(), Mask(kind, value)));
        await session.SaveChangesAsync(cancellationToken);
        if (kind == PersonalDataKind.Means)
        {
            // Sensitive information, like a full export: the county's security audit sees it beside the township's log.
            await audits.Value.RecordAsync(Identity.Audit.AuditEvents.Reveal, Identity.Audit.AuditOutcomes.Success,
                $"{current.Slug}: {subject}, {PersonalDataLabels.Of(kind.ToString())}", cancellationToken: cancellationToken);
        }

        return value;
    }

    public async Task RecordFullExportAsync(string subject, int records, string reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("完整导出个人信息须说明理由 / A full export needs a reason.", nameof(reason));
        }

        var current = township.Required;
        var what = string.Create(CultureInfo.InvariantCulture, $"{records} 条 / {records} records");
        var session = sessions.Value;
        session.Events.Append(RevealStream(current.Slug), new PersonalDataRevealed(FullExport, subject, reason.Trim(), what));
        await session.SaveChangesAsync(cancellationToken);
        // The county's security audit sees every full export too, beside the township's own log.
        await audits.Value.RecordAsync(Identity.Audit.AuditEvents.Export, Identity.Audit.AuditOutcomes.Success,
            $"{current.Slug}: {subject}, {what}", cancellationToken: cancellationToken);
    }
}

/// <summary>The masks: an ID number keeps its first 6 and last 4 characters, a phone number its first 3 and last 4.</summary>
public static class PersonalDataMask
{
    public static string Mask(PersonalDataKind kind, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        return kind switch
        {
            PersonalDataKind.IdNumber => Keep(value, 6, 4),
            PersonalDataKind.PhoneNumber => Keep(value, 3, 4),
            PersonalDataKind.Name => Keep(value, 1, 0),
            PersonalDataKind.Address => Keep(value, Math.Min(6, value.Length / 2), 0),
            // Not a hint of the amounts, nor of the text's length.
            PersonalDataKind.Means => "******",
            _ => new string('*', value.Length),
        };
    }

    private static string Keep(string value, int head, int tail) =>
        value.Length <= head + tail
            ? new string('*', value.Length)
            : string.Concat(value.AsSpan(0, head), new string('*', value.Length - head - tail), value.AsSpan(value.Length - tail));
}

/// <summary>The name a township admin reads for each kind a reveal records (the wire names are the enum's).</summary>
internal static class PersonalDataLabels
{
    public static string Of(string kind) => kind switch
    {
        nameof(PersonalDataKind.IdNumber) => "身份证号码 / ID number",
        nameof(PersonalDataKind.PhoneNumber) => "联系电话 / Phone",
        nameof(PersonalDataKind.Address) => "住址 / Address",
        nameof(PersonalDataKind.Name) => "姓名 / Name",
        nameof(PersonalDataKind.Means) => "经济困难状况 / Means",
        PersonalDataGuard.FullExport => "完整导出 / Full export",
        _ => kind,
    };
}
