using Marten;
using Modular.Contracts.Modules;
using Modular.Contracts.Reports;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Host.Extensions;
using Modular.Host.Reports.Steps;
using Modular.Host.Townships;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Host.Reports;

/// <summary>A version as lists show it.</summary>
public sealed record VersionSummary(int Number, string By, DateTimeOffset At);

/// <summary>The report of a year as the page and the API show it.</summary>
/// <param name="Version">The stream's version, to send back with the next step (0: not started).</param>
/// <param name="Facts">The facts the report holds: the approved version's once approved, else those drafted from the records now.</param>
/// <param name="ChangedSinceApproval">The figures the records give now that differ from the frozen ones.</param>
public sealed record ReportView(
    string Township,
    int Year,
    string Title,
    long Version,
    string State,
    LocalizedText StateLabel,
    IReadOnlyList<string> AllowedSteps,
    IReadOnlyDictionary<string, string> Parts,
    ReportFacts Facts,
    ReportFacts DraftedNow,
    IReadOnlyList<FactChange> ChangedSinceApproval,
    IReadOnlyList<string> ParagraphsChangedSinceApproval,
    IReadOnlyList<VersionSummary> Versions,
    string? ReturnReason,
    int? ApprovedVersion,
    DateTimeOffset? ApprovedAt,
    int? SentVersion,
    DateTimeOffset? SentAt,
    DateTimeOffset? PublishedAt,
    StatutoryDate SendBy,
    StatutoryDate PublishBy,
    bool PortalEnabled);

/// <summary>
/// The current township's annual reports: drafting the facts from the enabled modules, every step of the workflow, and
/// the documents. Used by the API and the page alike, so both refuse the same steps the same way: bad input and a step
/// the state does not allow are <see cref="InputRejectedException"/>, a stale version a version conflict (409).
/// </summary>
internal sealed class AnnualReports(IDocumentSession session, TownshipContext township, TownshipExtensions extensions, ICurrentUser user, TimeProvider time, IStatutoryClock clock)
{
    public const int FirstYear = 2000;

    private string Slug => township.Required().Slug;

    private string Name => township.Required().Name;

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The same reports with steps recorded at the given clock's time: the demo's steps on the days they happened.</summary>
    public AnnualReports At(TimeProvider at) => new(session, township, extensions, user, at, clock);

    public static bool IsYear(int year) => year is >= FirstYear and <= 2100;

    public Task<TownshipAnnualReport?> LoadAsync(int year, CancellationToken ct) => session.LoadAsync<TownshipAnnualReport>(TownshipAnnualReport.StreamId(year), ct);

    /// <summary>What the enabled modules draft from the year's records now.</summary>
    public async Task<ReportFacts> DraftFactsAsync(int year, CancellationToken ct) => ReportFacts.From(await extensions.AnnualReportByModuleAsync(year, ct));

    public async Task<ReportView> ViewAsync(int year, CancellationToken ct)
    {
        var report = await LoadAsync(year, ct);
        var now = await DraftFactsAsync(year, ct);
        var settings = await ReportSettings.ReadAsync(session, Slug, ct);
        var frozen = report?.Frozen;
        return new ReportView(Slug, year, ReportDocument.Title(Name, year), report?.Version ?? 0,
            report is null ? "new" : ReportSteps.Name(report.State),
            report is null ? new("未起草", "Not started") : ReportSteps.Label(report.State),
            report is null ? [ReportSteps.Save] : ReportSteps.Table.Allowed(report),
            report?.Latest.Parts ?? new Dictionary<string, string>(),
            frozen?.Facts ?? now, now,
            frozen is null ? [] : FactChanges.Between(frozen.Facts, now),
            frozen is null ? [] : FactChanges.ParagraphsChanged(frozen.Facts, now),
            report?.Versions.Select(v => new VersionSummary(v.Number, v.By, v.At)).ToList() ?? [],
            report?.State == ReportState.Returned ? report.ReturnReason : null,
            report?.ApprovedVersion, report?.ApprovedAt, report?.SentVersion, report?.SentAt, report?.PublishedAt,
            settings.SendBy(year, clock), settings.PublishBy(year, clock), township.Record?.IsEnabled(PublishReport.OpenGovernment) == true);
    }

    /// <summary>Saves a new version: the parts written and the facts drafted from the records at this moment.</summary>
    public async Task SaveAsync(int year, SaveReportInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var parts = SaveReport.ReadParts(input, errors);
        var id = TownshipAnnualReport.StreamId(year);
        var state = await session.Events.FetchStreamStateAsync(id, ct);
        if (input.Version is null)
        {
            errors.Add("version", "缺少记录版本", "The version you read is required.");
        }

        errors.ThrowIfAny();
        if (input.Version != (state?.Version ?? 0))
        {
            throw new VersionConflictException(id, input.Version!.Value, state?.Version ?? 0);
        }

        var report = state is null ? null : await LoadAsync(year, ct);
        var saved = SaveReport.Decide(report, Slug, year, parts, await DraftFactsAsync(year, ct), user.UserName, Now, errors);
        errors.ThrowIfAny();
        if (state is null)
        {
            session.Events.StartStream<TownshipAnnualReport>(id, saved!);
        }
        else
        {
            session.Events.Append(id, state.Version + 1, saved!);
        }

        await session.SaveChangesAsync(ct);
    }

    public Task<bool> SubmitAsync(int year, long? version, CancellationToken ct) =>
        StepAsync(year, version, (r, errors) => SubmitReport.Decide(r, user.UserName, Now, errors), ct);

    public Task<bool> ApproveAsync(int year, long? version, CancellationToken ct) =>
        StepAsync(year, version, (r, errors) => ApproveReport.Decide(r, user.UserName, Now, errors), ct);

    public Task<bool> ReturnAsync(int year, long? version, string? reason, CancellationToken ct) =>
        StepAsync(year, version, (r, errors) => ReturnReport.Decide(r, reason, user.UserName, Now, errors), ct);

    public Task<bool> SendAsync(int year, long? version, CancellationToken ct) =>
        StepAsync(year, version, (r, errors) => SendReport.Decide(r, user.UserName, Now, errors), ct);

    /// <summary>Publishes the version sent to the county: the integration event carries its text and its .docx to open government.</summary>
    public Task<bool> PublishAsync(int year, long? version, CancellationToken ct) =>
        StepAsync(year, version, (r, errors) => PublishReport.Decide(r, township.Record?.IsEnabled(PublishReport.OpenGovernment) == true, () =>
        {
            var sent = r.Versions.First(v => v.Number == r.SentVersion);
            var blocks = Blocks(r, sent);
            return new RuleOfLawReportPublished(r.Id, year, sent.Number, ReportDocument.Title(Name, year), ReportDocument.IssuingOffice(Name), SignedOn(r), Now,
                ReportDocument.ForPortal(blocks), ReportDocument.DocxFileName(Name, year, sent.Number), ReportDocument.Docx(blocks), user.DisplayName);
        }, errors), ct);

    /// <summary>The version asked for (the latest when none is named), or null.</summary>
    public static ReportVersion? VersionOf(TownshipAnnualReport report, int? number) =>
        number is { } n ? report.Versions.FirstOrDefault(v => v.Number == n) : report.Latest;

    public IReadOnlyList<Block> Blocks(TownshipAnnualReport report, ReportVersion version) => ReportDocument.Blocks(Name, report.Year, version, SignedOn(report));

    public byte[] Docx(TownshipAnnualReport report, ReportVersion version) => ReportDocument.Docx(Blocks(report, version));

    public byte[] Xlsx(ReportVersion version) => ReportDocument.Xlsx(version, $"/t/{Slug}");

    public string DocxName(TownshipAnnualReport report, ReportVersion version) => ReportDocument.DocxFileName(Name, report.Year, version.Number);

    public string XlsxName(TownshipAnnualReport report, ReportVersion version) => ReportDocument.XlsxFileName(Name, report.Year, version.Number);

    // The report is dated the day the heads approved it; a draft, today.
    private DateOnly SignedOn(TownshipAnnualReport report) => report.ApprovedAt is { } at ? TownshipTime.DayOf(at) : clock.Today;

    private async Task<bool> StepAsync(int year, long? version, Func<TownshipAnnualReport, InputErrors, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var errors = new InputErrors();
        var stream = await session.OpenForStepAsync<TownshipAnnualReport>(TownshipAnnualReport.StreamId(year), version, errors, ct);
        if (stream is null)
        {
            return false;
        }

        var events = decide(stream.Aggregate!, errors);
        errors.ThrowIfAny();
        stream.AppendMany([.. events]);
        await session.SaveChangesAsync(ct);
        return true;
    }
}
