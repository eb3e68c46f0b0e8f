using System.Globalization;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;

namespace Modular.Modules.LawStudy.Certificates;

/// <summary>The home page: certificates whose review or expiry falls within the warning period, and those no longer valid for want of a review.</summary>
internal sealed class CertificateDashboard(CertificateQueries queries) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var rows = await queries.ListAsync(new CertificateFilter(), cancellationToken);
        var due = rows.Count(r => r.Standing is nameof(CertificateStanding.ReviewDue) or nameof(CertificateStanding.ExpiringSoon));
        var overdue = rows.Count(r => r.Standing == nameof(CertificateStanding.ReviewOverdue));
        return
        [
            new(new LocalizedText("待年审或即将到期的执法证", "Certificates due for review or expiring"), Count(due), "law-study/certificates?standing=ReviewDue"),
            new(new LocalizedText("逾期未审验的执法证", "Certificates past their review"), Count(overdue), "law-study/certificates?standing=ReviewOverdue", overdue > 0),
        ];
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Reviews and expiries for the due list, from the day the warning period reaches them (two months ahead by default),
/// and reviews already missed.
/// </summary>
internal sealed class CertificateDeadlines(CertificateQueries queries, CertificateSettingsStore settings, CertificateStandings standings) : IDeadlineSource
{
    public async Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken)
    {
        var reach = standings.WarnUntil(await settings.GetAsync(cancellationToken));
        var until = reach > horizon ? reach : horizon;
        var items = new List<DueItem>();
        foreach (var c in (await queries.AllAsync(cancellationToken)).Where(c => c.Status == CertificateStatus.Active && c.ExpiresOn >= standings.Today))
        {
            var link = $"law-study/certificates/{c.Id}";
            if (c.NextReviewOn < c.ExpiresOn && c.NextReviewOn <= until)
            {
                items.Add(new DueItem(new($"执法证 {c.Number}（{c.HolderName}）年审", $"Certificate {c.Number} ({c.HolderName}): review"),
                    c.NextReviewOn, link, new("执法证审验周期（本镇设置）", "The township's review cycle")));
            }

            if (c.ExpiresOn <= until)
            {
                items.Add(new DueItem(new($"执法证 {c.Number}（{c.HolderName}）到期换证", $"Certificate {c.Number} ({c.HolderName}): expires"),
                    c.ExpiresOn, link, new("执法证有效期", "The certificate's validity")));
            }
        }

        return items;
    }
}
