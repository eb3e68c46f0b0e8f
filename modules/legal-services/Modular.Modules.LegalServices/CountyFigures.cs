using Marten;
using Modular.Contracts.Extensions;
using Modular.Kit;
using Modular.Kit.Records;
using Modular.Modules.LegalServices.Counsel;
using Modular.Modules.LegalServices.LegalAid;

namespace Modular.Modules.LegalServices;

/// <summary>
/// The county's view of the townships' counsel work and legal aid for a year: one query per record kind (meetings,
/// legality reviews, represented cases, legal-aid applications) across every township asked about, each township
/// counted by the same rules as its own annual report.
/// </summary>
internal sealed class CountyFigures(IQuerySession session) : ICountyFigures
{
    public async Task<IReadOnlyList<CountyFigure>> GetAsync(IReadOnlyCollection<string> townships, int year, CancellationToken cancellationToken)
    {
        var period = Period.Year(year);
        var meetings = await session.QueryAsync(townships, CounselFigures.MeetingsIn(period), cancellationToken);
        var reviews = await session.QueryAsync(townships, CounselFigures.ReviewsIn(period), cancellationToken);
        var cases = await session.QueryAsync(townships, CounselFigures.CasesIn(period), cancellationToken);
        var aid = await session.QueryAsync(townships, LegalAidFigures.TouchedIn(period), cancellationToken);
        // The gate's refusals are no figure of the county's view: counted as none rather than asked for.
        var counsel = meetings.Keys.ToDictionary(t => t, t => CounselFigures.Count(period, meetings[t], reviews[t], cases[t], refusals: 0));
        var legalAid = aid.ToDictionary(t => t.Key, t => LegalAidFigures.Count(period, t.Value));
        Dictionary<string, decimal> Of<TSet>(Dictionary<string, TSet> sets, Func<TSet, int> value) => sets.ToDictionary(s => s.Key, s => (decimal)value(s.Value));
        return
        [
            new("counsel-meetings", new("法律顾问列席会议", "Meetings counsel attended"), Of(counsel, c => c.MeetingsAttended)),
            new("counsel-opinions", new("出具法律意见", "Legal opinions given"), Of(counsel, c => c.Opinions)),
            new("counsel-documents-revised", new("审查修改文件", "Documents revised"), Of(counsel, c => c.DocumentsRevised)),
            new("counsel-cases", new("代理诉讼案件", "Cases represented"), Of(counsel, c => c.CasesRepresented)),
            new("legal-aid-applications", new("法律援助申请", "Legal-aid applications"), Of(legalAid, a => a.Applications)),
            new("legal-aid-granted", new("法律援助给予", "Legal aid granted"), Of(legalAid, a => a.Granted)),
        ];
    }
}
