using System.Globalization;
using Marten;
using Modular.Contracts.Extensions;
using Modular.Contracts.Modules;

namespace Modular.Modules.Mediation.Households;

/// <summary>The township home page's ledger figures: households on the ledger, members in a special group. Two aggregate queries.</summary>
internal sealed class HouseholdDashboard(IQuerySession session) : IDashboardFigures
{
    public async Task<IReadOnlyList<DashboardFigure>> GetFiguresAsync(CancellationToken cancellationToken)
    {
        var open = session.Query<Household>().Where(h => !h.IsClosed);
        var households = await open.CountAsync(cancellationToken);
        var special = households == 0 ? 0 : await open.SumAsync(h => h.SpecialGroupMembers, cancellationToken);
        return
        [
            new(new LocalizedText("在册户数", "Households on the ledger"), households.ToString(CultureInfo.InvariantCulture), "mediation/households"),
            new(new LocalizedText("特殊群体人数", "People in special groups"), special.ToString(CultureInfo.InvariantCulture), "mediation/households/special-groups"),
        ];
    }
}
