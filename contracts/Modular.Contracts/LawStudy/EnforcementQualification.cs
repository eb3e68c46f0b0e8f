using System.Text.Json.Serialization;
using Modular.Contracts.Modules;

namespace Modular.Contracts.LawStudy;

/// <summary>The kinds of administrative enforcement work a township records (行政检查、行政处罚、行政强制), and licensing for other publishers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EnforcementKind>))]
public enum EnforcementKind
{
    /// <summary>行政检查</summary>
    Inspection,

    /// <summary>行政处罚</summary>
    Penalty,

    /// <summary>行政强制</summary>
    Coercion,

    /// <summary>行政许可: not enforcement work the gate checks; a module that records licensing decisions may publish them.</summary>
    Licensing,
}

/// <summary>
/// Whether officers may do a piece of enforcement work: the officers by the number of the enforcement certificate
/// (行政执法证) each shows (行政处罚法 Arts 52, 55), the work's category and area as the certificates name them, and its day.
/// </summary>
public sealed record QualificationRequest(DateOnly On, string Category, string Area, IReadOnlyList<string> CertificateNumbers);

/// <summary>What the gate says about the assignment as a whole.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QualificationVerdict>))]
public enum QualificationVerdict
{
    /// <summary>At least two officers, each with a certificate valid on the day for the category and area.</summary>
    Qualified,

    /// <summary>Refused: <see cref="QualificationAnswer.Reasons"/> and the officers' own reasons say why.</summary>
    Refused,

    /// <summary>Law study is not enabled in this township (or not installed): nobody can say the officers are qualified.</summary>
    NotEnabled,
}

/// <summary>One officer's standing: the holder's name when the certificate is known, and every reason it does not qualify (bilingual).</summary>
public sealed record OfficerQualification(string CertificateNumber, string? HolderName, bool Qualified, IReadOnlyList<string> Reasons);

/// <summary>The gate's answer. Only <see cref="QualificationVerdict.Qualified"/> lets an assignment through.</summary>
public sealed record QualificationAnswer(QualificationVerdict Verdict, IReadOnlyList<OfficerQualification> Officers, IReadOnlyList<string> Reasons)
{
    public bool IsQualified => Verdict == QualificationVerdict.Qualified;

    public static QualificationAnswer NotEnabled { get; } = new(QualificationVerdict.NotEnabled, [],
        ["本镇未启用学法用法模块，无法核验执法人员资格，不得指派 / Law study is not enabled in this township: the officers' qualification cannot be checked, so they cannot be assigned."]);
}

/// <summary>
/// The assignment gate offered to other modules (行政处罚法 Art 42: at least two officers with enforcement
/// qualification; the township's rule "对没有取得执法资质的，一律不安排从事行政执法工作"). Provided by law-study;
/// ask it through <see cref="IModuleContract{T}"/> and <see cref="EnforcementQualifications.CheckAsync"/>.
/// </summary>
[ModuleContract]
public interface IEnforcementQualification
{
    Task<QualificationAnswer> CheckAsync(QualificationRequest request, CancellationToken cancellationToken);
}

public static class EnforcementQualifications
{
    /// <summary>The gate's answer in the current township: <see cref="QualificationAnswer.NotEnabled"/> when law study is off or absent.</summary>
    public static Task<QualificationAnswer> CheckAsync(this IModuleContract<IEnforcementQualification> gate, QualificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gate);
        return gate.Provider is { } provider ? provider.CheckAsync(request, cancellationToken) : Task.FromResult(QualificationAnswer.NotEnabled);
    }
}
