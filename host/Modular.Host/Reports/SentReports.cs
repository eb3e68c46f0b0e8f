using Marten;
using Modular.Contracts.Time;
using Modular.Host.Townships;

namespace Modular.Host.Reports;

/// <summary>Where a township's report of a year stands, as the county sees it.</summary>
/// <param name="Version">The version sent (null while none is).</param>
public sealed record SentReportSummary(string Township, string State, DateTimeOffset? SentAt, DateTimeOffset? PublishedAt, int? Version);

/// <summary>
/// The county's reading of its townships' reports: which have been sent and published, in one query across the
/// township tenants, and the .docx of the version a township sent. For the county view; no personal data is in a report.
/// The county's reads are given the request's query session: when it stands in for the platform database (the read
/// replica, for a lag-tolerant read) the townships there are read through it; the .docx (a record) reads the primary.
/// </summary>
internal sealed class SentReports(IDocumentStore store, TownshipDirectory townships)
{
    /// <summary>Each named township that has started its report of <paramref name="year"/>; one query whatever their number.</summary>
    public async Task<IReadOnlyList<SentReportSummary>> ForYearAsync(IReadOnlyCollection<string> townshipSlugs, int year, IQuerySession reading, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(townshipSlugs);
        if (townshipSlugs.Count == 0)
        {
            return [];
        }

        var id = TownshipAnnualReport.StreamId(year);
        var reports = new List<Row>();
        foreach (var (database, group) in await Modular.Kit.Records.AcrossTownships.ByDatabaseAsync(store, townshipSlugs))
        {
            // A session of one township of the group reaches the group's database; TenantIsOneOf the others in it.
            var slugs = group.ToArray();
            await using var session = await GroupSessionAsync(reading, database, slugs[0]);
            reports.AddRange(await session.Query<TownshipAnnualReport>()
                .Where(r => r.TenantIsOneOf(slugs) && r.Id == id)
                .Select(r => new Row(r.Township, r.State, r.SentAt, r.PublishedAt, r.SentVersion))
                .ToListAsync(ct));
        }

        return [.. reports.Select(r => new SentReportSummary(r.Township, ReportSteps.Name(r.State), r.SentAt, r.PublishedAt, r.SentVersion)).OrderBy(r => r.Township, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The day each named township's report of <paramref name="year"/> is due to the county, by the township's own
    /// setting (the default where it has none); one query whatever their number.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DateOnly>> SendByAsync(IReadOnlyCollection<string> townshipSlugs, int year, IStatutoryClock clock, IQuerySession reading, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(townshipSlugs);
        var slugs = townshipSlugs.ToArray();
        var byId = slugs.ToDictionary(ReportSettings.StreamId, s => s);
        var own = new Dictionary<string, ReportSettings>(StringComparer.Ordinal);
        if (slugs.Length > 0)
        {
            foreach (var (database, group) in await Modular.Kit.Records.AcrossTownships.ByDatabaseAsync(store, slugs))
            {
                var inGroup = group.ToArray();
                await using var session = await GroupSessionAsync(reading, database, inGroup[0]);
                foreach (var settings in await session.Query<ReportSettings>().Where(s => s.TenantIsOneOf(inGroup)).ToListAsync(ct))
                {
                    if (byId.TryGetValue(settings.Id, out var slug))
                    {
                        own[slug] = settings;
                    }
                }
            }
        }

        var fallback = new ReportSettings().SendBy(year, clock).Date;
        return slugs.ToDictionary(s => s, s => own.TryGetValue(s, out var settings) ? settings.SendBy(year, clock).Date : fallback, StringComparer.Ordinal);
    }

    /// <summary>A session of <paramref name="township"/> in <paramref name="database"/>, through <paramref name="reading"/>'s database when that stands in for it.</summary>
    private async Task<IQuerySession> GroupSessionAsync(IQuerySession reading, Marten.Storage.IMartenDatabase database, string township) =>
        store.QuerySession(Marten.Services.SessionOptions.ForDatabase(township, await Modular.Kit.Records.AcrossTownships.ThroughAsync(reading, database)));

    private sealed record Row(string Township, ReportState State, DateTimeOffset? SentAt, DateTimeOffset? PublishedAt, int? SentVersion);

    /// <summary>The .docx of the version the township sent to the county, or null when it has sent none.</summary>
    public async Task<byte[]?> SentDocxAsync(string townshipSlug, int year, CancellationToken ct)
    {
        if (await townships.FindAsync(townshipSlug, ct) is not { } township)
        {
            return null;
        }

        await using var session = store.QuerySession(townshipSlug);
        var report = await session.LoadAsync<TownshipAnnualReport>(TownshipAnnualReport.StreamId(year), ct);
        if (report?.SentVersion is not { } sent || AnnualReports.VersionOf(report, sent) is not { } version)
        {
            return null;
        }

        var signedOn = Modular.Kit.TownshipTime.DayOf(report.ApprovedAt!.Value);
        return ReportDocument.Docx(ReportDocument.Blocks(township.Name, year, version, signedOn));
    }
}
