using Modular.Contracts.Townships;
using Modular.Kit.Records;
using Modular.Modules.LawStudy.Certificates.Steps;
using Modular.Modules.LawStudy.Staff;
using static Modular.Kit.Text;

namespace Modular.Modules.LawStudy.Certificates;

/// <summary>Which certificates a list shows: by standing, holder or category.</summary>
internal sealed record CertificateFilter(CertificateStanding? Standing = null, Guid? HolderId = null, string? Category = null);

/// <summary>
/// The township's certificates for the pages, the API and the gate. A township holds tens of certificates, at most a
/// few hundred: they are read whole and their standing computed today, never paged.
/// </summary>
internal sealed class CertificateQueries(IQuerySession session, CertificateSettingsStore settings, CertificateStandings standings,
    StaffRoster roster, ITownshipContext township)
{
    public const int MaxCertificates = 2000;

    public Task<Certificate?> LoadAsync(Guid id, CancellationToken ct) => session.LoadAsync<Certificate>(id, ct);

    public async Task<IReadOnlyList<Certificate>> AllAsync(CancellationToken ct) =>
        await session.Query<Certificate>().OrderBy(c => c.HolderName).ThenBy(c => c.Number).Take(MaxCertificates).ToListAsync(ct);

    public async Task<IReadOnlyList<Certificate>> OfHoldersAsync(IEnumerable<Guid> holders, CancellationToken ct)
    {
        var ids = holders.Distinct().ToArray();
        return await session.Query<Certificate>().Where(c => ids.Contains(c.HolderId)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<CertificateRow>> ListAsync(CertificateFilter filter, CancellationToken ct)
    {
        var rules = await settings.GetAsync(ct);
        return [.. (await AllAsync(ct))
            .Where(c => filter.HolderId is not { } holder || c.HolderId == holder)
            .Where(c => filter.Category is not { Length: > 0 } category || c.Categories.Contains(category))
            .Select(c => standings.Row(c, rules))
            .Where(r => filter.Standing is not { } standing || r.Standing == standing.ToString())];
    }

    public async Task<CertificateView?> GetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) is { } c ? standings.View(c, await settings.GetAsync(ct), township.Required.Slug) : null;

    /// <summary>The signed-in person's own certificates (their roster entry's), newest first.</summary>
    public async Task<IReadOnlyList<CertificateView>> MineAsync(CancellationToken ct)
    {
        if (await roster.CurrentAsync(ct) is not { } me)
        {
            return [];
        }

        var rules = await settings.GetAsync(ct);
        return [.. (await OfHoldersAsync([me.Id], ct)).OrderByDescending(c => c.IssuedOn).Select(c => standings.View(c, rules, township.Required.Slug))];
    }

    /// <summary>A certificate by the number it carries or carried (a renewal under a new number keeps the old one verifiable).</summary>
    public async Task<PublicCertificate?> VerifyAsync(string? number, CancellationToken ct)
    {
        var asked = (number ?? "").Trim().ToUpperInvariant();
        if (!CertificateDetails.IsNumber(asked))
        {
            return null;
        }

        var found = await session.Query<Certificate>().FirstOrDefaultAsync(c => c.Number == asked || c.FormerNumbers.Contains(asked), ct);
        return found is null ? null : standings.Public(found, asked, await settings.GetAsync(ct));
    }

    /// <summary>行政执法公示 (行政处罚法 Art 39): the officers and their certificates, cancelled ones left out (no longer officers).</summary>
    public async Task<IReadOnlyList<CertificateRow>> PublicRegisterAsync(CancellationToken ct) =>
        [.. (await ListAsync(new CertificateFilter(), ct)).Where(r => r.Standing != nameof(CertificateStanding.Cancelled))];

    public Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid id, CancellationToken ct) => Timeline.ReadAsync<Certificate>(session, id, Describe, ct);

    private static string Describe(object e) => e switch
    {
        CertificateIssued i => T($"发证：{i.Number}（{string.Join("、", i.Categories)}，{i.Area}）", $"Issued: {i.Number} ({string.Join(", ", i.Categories)}, {i.Area})"),
        CertificateReviewed r => T($"审验通过（{r.ReviewedOn:yyyy-MM-dd}），下次审验 {r.NextReviewOn:yyyy-MM-dd}", $"Reviewed ({r.ReviewedOn:yyyy-MM-dd}); next review {r.NextReviewOn:yyyy-MM-dd}"),
        CertificateSuspended s => T($"暂扣（{s.On:yyyy-MM-dd}）：{s.Reason}", $"Suspended ({s.On:yyyy-MM-dd}): {s.Reason}"),
        CertificateRestored s => T($"恢复（{s.On:yyyy-MM-dd}）：{s.Reason}", $"Restored ({s.On:yyyy-MM-dd}): {s.Reason}"),
        CertificateRevoked s => T($"吊销（{s.On:yyyy-MM-dd}）：{s.Reason}", $"Revoked ({s.On:yyyy-MM-dd}): {s.Reason}"),
        CertificateCancelled s => T($"注销（{s.On:yyyy-MM-dd}）：{s.Reason}", $"Cancelled ({s.On:yyyy-MM-dd}): {s.Reason}"),
        CertificateRenewed r => T($"换证（{r.On:yyyy-MM-dd}）：{r.Number}，有效期至 {r.ExpiresOn:yyyy-MM-dd}", $"Renewed ({r.On:yyyy-MM-dd}): {r.Number}, valid until {r.ExpiresOn:yyyy-MM-dd}"),
        _ => e.GetType().Name,
    };

    /// <summary>The steps in the order a page offers them.</summary>
    public static readonly IReadOnlyList<string> StepOrder =
        [RecordReview.Step, RenewCertificate.Step, SuspendCertificate.Step, RestoreCertificate.Step, RevokeCertificate.Step, CancelCertificate.Step];
}
