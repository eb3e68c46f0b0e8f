namespace Modular.Host.Reports;

/// <summary>A save of the report: a new version with the people's parts and the facts drafted at that moment.</summary>
public sealed record AnnualReportSaved(string Township, int Year, int VersionNumber, IReadOnlyDictionary<string, string> Parts, ReportFacts Facts, string By, DateTimeOffset At);

public sealed record AnnualReportSubmitted(int VersionNumber, string By, DateTimeOffset At);

public sealed record AnnualReportReturned(string Reason, string By, DateTimeOffset At);

/// <summary>The heads approved a version: its facts are frozen from here on.</summary>
public sealed record AnnualReportApproved(int VersionNumber, string By, DateTimeOffset At);

public sealed record AnnualReportSent(int VersionNumber, string By, DateTimeOffset At);
