using Marten;
using Modular.Contracts.Extensions;
using Modular.Kit.Records;
using Modular.Modules.Mediation.Petitions.Steps;

namespace Modular.Modules.Mediation.Petitions;

/// <summary>
/// The demo township's 2020 petitions: 21 transferred from above, 18 answered within their deadline, 3 still in
/// progress at the end of the year. Fixed ids, so a second start adds nothing.
/// </summary>
internal sealed class PetitionDemo(IDocumentSession session) : IDemoData
{
    private static readonly string[] Matters =
    [
        "反映村组道路硬化工程质量问题", "反映土地承包经营权纠纷", "请求解决拖欠农民工工资问题", "反映邻里宅基地界址争议",
        "建议增设村级公交站点", "反映低保评定不公", "反映林地权属争议", "请求落实易地扶贫搬迁安置政策",
        "检举村干部优亲厚友", "反映饮水工程供水不稳定", "请求解决危房改造补助问题", "反映养殖场污染",
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.Events.FetchStreamStateAsync(Id(0), cancellationToken) is not null)
        {
            return;
        }

        for (var i = 0; i < 21; i++)
        {
            var id = Id(i);
            var received = new DateOnly(2020, 1, 6).AddDays(i * 16);
            var accepted = received.AddDays(3 + (i % 5));
            var category = (PetitionCategory)(i % 3);
            var events = new List<object>
            {
                new PetitionRegistered(id, $"2020-{i + 1:D4}", PetitionChannel.Transferred, received, "赫章县信访局", $"赫信转〔2020〕{i + 11}号",
                    new Petitioner(DemoNames.Person(100 + (i * 5)), null, null, null), Matters[i % Matters.Length], null),
                new PetitionAccepted(accepted),
                new PetitionClassified(accepted, category),
                new InvestigationStarted(accepted.AddDays(2), "综治中心"),
            };
            if (i < 18)
            {
                var outcome = (OpinionOutcome)(i % 3);
                events.Add(new OpinionIssued(accepted.AddDays(30 + (i % 20)), outcome, "经调查核实，已向信访人书面答复。", "《信访工作条例》第三十二条及相关政策规定"));
            }

            session.Events.StartStream<Petition>(id, [.. events]);
        }

        session.Store(new PetitionNumberCounter { Id = "2020", Last = 21 });
        await session.SaveChangesAsync(cancellationToken);
    }

    private static Guid Id(int index) => new($"0d1a7e00-2020-4000-8000-{index + 1:D12}");
}
