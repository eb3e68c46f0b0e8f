using Modular.Contracts.Modules;
using Modular.Contracts.Reports;
using Modular.Kit.Records;
using Modular.Kit.Steps;

namespace Modular.Host.Reports;

public enum ReportState
{
    Drafted,
    Submitted,
    Returned,
    Approved,
    Sent,
    Published,
}

/// <summary>One saved version: who, when, what they wrote, and the facts as the records gave them then.</summary>
public sealed record ReportVersion(int Number, IReadOnlyDictionary<string, string> Parts, ReportFacts Facts, string By, DateTimeOffset At);

/// <summary>
/// A township's annual rule-of-law work report for a year (法治政府建设年度报告): one stream per township and year, its
/// versions, and where it stands in drafted → submitted → approved (or returned) → sent → published.
/// </summary>
public sealed class TownshipAnnualReport
{
    public Guid Id { get; set; }

    public int Version { get; set; }

    public string Township { get; set; } = "";

    public int Year { get; set; }

    public ReportState State { get; set; }

    public List<ReportVersion> Versions { get; set; } = [];

    public string? ReturnReason { get; set; }

    public int? ApprovedVersion { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public int? SentVersion { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? SentBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public ReportVersion Latest => Versions[^1];

    /// <summary>The version whose facts are frozen: the approved one, once there is one.</summary>
    public ReportVersion? Frozen => ApprovedVersion is { } n ? Versions.First(v => v.Number == n) : null;

    /// <summary>The report's stream in a township's tenant (the same id in each: tenancy keeps them apart).</summary>
    public static Guid StreamId(int year) => StableIds.Of("platform.annual-report", year.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static TownshipAnnualReport Create(AnnualReportSaved e) => new()
    {
        Id = StreamId(e.Year),
        Township = e.Township,
        Year = e.Year,
        State = ReportState.Drafted,
        Versions = [new ReportVersion(e.VersionNumber, e.Parts, e.Facts, e.By, e.At)],
    };

    public void Apply(AnnualReportSaved e)
    {
        Versions.Add(new ReportVersion(e.VersionNumber, e.Parts, e.Facts, e.By, e.At));
        State = ReportState.Drafted;
    }

    public void Apply(AnnualReportSubmitted e) => (State, ReturnReason) = (ReportState.Submitted, null);

    public void Apply(AnnualReportReturned e) => (State, ReturnReason) = (ReportState.Returned, e.Reason);

    public void Apply(AnnualReportApproved e) => (State, ApprovedVersion, ApprovedBy, ApprovedAt) = (ReportState.Approved, e.VersionNumber, e.By, e.At);

    public void Apply(AnnualReportSent e) => (State, SentVersion, SentAt, SentBy) = (ReportState.Sent, e.VersionNumber, e.At, e.By);

    public void Apply(RuleOfLawReportPublished e) => (State, PublishedAt) = (ReportState.Published, e.PublishedAt);
}

/// <summary>The steps each state allows, read by the API, the page and the due list.</summary>
public static class ReportSteps
{
    public const string Save = "save";
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string Return = "return";
    public const string Send = "send";
    public const string Publish = "publish";

    public static StepTable<TownshipAnnualReport, ReportState> Table { get; } =
        new StepTable<TownshipAnnualReport, ReportState>(r => r.State, Label)
            .Allow(Save, ReportState.Drafted, ReportState.Returned)
            .Allow(Submit, ReportState.Drafted, ReportState.Returned)
            .Allow(Approve, ReportState.Submitted)
            .Allow(Return, ReportState.Submitted)
            .Allow(Send, ReportState.Approved)
            .Allow(Publish, ReportState.Sent);

    public static LocalizedText Label(ReportState state) => state switch
    {
        ReportState.Drafted => new("起草中", "Drafted"),
        ReportState.Submitted => new("已提交党政主要负责人审定", "Submitted for the heads' approval"),
        ReportState.Returned => new("已退回修改", "Returned"),
        ReportState.Approved => new("已审定", "Approved"),
        ReportState.Sent => new("已报送县级", "Sent to the county"),
        ReportState.Published => new("已公开", "Published"),
        _ => new(state.ToString(), state.ToString()),
    };

    public static string Name(ReportState state) => state.ToString().ToLowerInvariant();
}
