using System.Globalization;
using Marten;
using Modular.Contracts.Caching;
using Modular.Contracts.Extensions;
using Modular.Kit.Checks;
using Modular.Kit.Records;
using SpecialGroup = Modular.Modules.Mediation.Shared.SpecialGroup;

namespace Modular.Modules.Mediation.Households;

/// <summary>
/// The demo township's ledger: 36 households across the villages of 野马川镇, six of each kind, so every special group
/// has members in several villages. ID numbers are valid GB 11643 numbers of 赫章县 (520527); ids are fixed, so a
/// second start adds nothing.
/// </summary>
internal sealed class HouseholdDemo(IDocumentSession session, ITownshipCache cache) : IDemoData
{
    public const int Households = 36;

    private static readonly string[] Villages = ["野马川村", "双河村", "团结村", "水塘村", "大地村", "营盘村", "丫口村", "红岩村"];
    private static readonly string[] Groups = ["一组", "二组", "三组", "四组", "五组"];

    /// <summary>One person of a household pattern: relation, sex, birth year, and what else the ledger says of them.</summary>
    private sealed record Person(Relation Relation, bool Male, int Born, Education Education, string? Occupation, MaritalStatus Marital, IncomeBand Income, SpecialGroup? Group = null, string? Needs = null);

    private static readonly Person[][] Patterns =
    [
        [new(Relation.Head, true, 1976, Education.JuniorHigh, "务农", MaritalStatus.Married, IncomeBand.Under30000), new(Relation.Spouse, false, 1978, Education.Primary, "务农", MaritalStatus.Married, IncomeBand.Under10000),
         new(Relation.Child, true, 2001, Education.SeniorHigh, "外出务工", MaritalStatus.Unmarried, IncomeBand.Under60000), new(Relation.Child, false, 2008, Education.JuniorHigh, "学生", MaritalStatus.Unmarried, IncomeBand.None)],
        [new(Relation.Head, false, 1941, Education.NoSchooling, null, MaritalStatus.Widowed, IncomeBand.Under5000, SpecialGroup.ElderlyLivingAlone, "每周上门探访，代购生活用品")],
        [new(Relation.Head, true, 1955, Education.Primary, "务农", MaritalStatus.Married, IncomeBand.Under5000), new(Relation.Spouse, false, 1957, Education.NoSchooling, "务农", MaritalStatus.Married, IncomeBand.None),
         new(Relation.Grandchild, true, 2015, Education.Primary, "学生", MaritalStatus.Unmarried, IncomeBand.None, SpecialGroup.LeftBehindChild, "父母在外务工，需课后看护")],
        [new(Relation.Head, true, 1968, Education.JuniorHigh, "个体经营", MaritalStatus.Married, IncomeBand.Under30000), new(Relation.Spouse, false, 1970, Education.Primary, "务农", MaritalStatus.Married, IncomeBand.Under10000),
         new(Relation.Child, true, 1994, Education.Primary, null, MaritalStatus.Unmarried, IncomeBand.None, SpecialGroup.Disabled, "肢体二级残疾，需康复辅具")],
        [new(Relation.Head, true, 1982, Education.JuniorHigh, "零工", MaritalStatus.Divorced, IncomeBand.Under10000, SpecialGroup.ReleasedPrisoner, "就业帮扶"),
         new(Relation.Parent, false, 1952, Education.NoSchooling, "务农", MaritalStatus.Widowed, IncomeBand.Under5000)],
        [new(Relation.Head, true, 1963, Education.Primary, "务农", MaritalStatus.Married, IncomeBand.Under10000), new(Relation.Spouse, false, 1965, Education.Primary, "务农", MaritalStatus.Married, IncomeBand.Under5000),
         new(Relation.Child, false, 1990, Education.JuniorHigh, null, MaritalStatus.Unmarried, IncomeBand.None, SpecialGroup.MentalIllness, "按时服药，定期随访")],
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.Events.FetchStreamStateAsync(HouseholdId(0), cancellationToken) is not null)
        {
            return;
        }

        for (var i = 0; i < Households; i++)
        {
            var id = HouseholdId(i);
            var village = Villages[i % Villages.Length];
            var group = Groups[i / Villages.Length % Groups.Length];
            var facts = new HouseholdFacts(village, group, $"赫章县野马川镇{village}{group}{i + 3}号", null);
            var surname = DemoNames.Surname(i);
            var members = Patterns[i % Patterns.Length].Select((p, k) => new MemberAdded(Member(i, k, surname, p)));
            session.Events.StartStream<Household>(id, [new HouseholdRegistered(id, (i + 1).ToString("D4", CultureInfo.InvariantCulture), facts), .. members]);
        }

        session.Store(new HouseholdNumberCounter { Last = Households });
        cache.Changed(session, HouseholdQueries.VillagesKey);
        cache.Changed(session, HouseholdQueries.CountsKey);
        await session.SaveChangesAsync(cancellationToken);
    }

    private static Member Member(int household, int index, string surname, Person p)
    {
        var serial = (household * 10) + index;
        // A spouse keeps her own surname; the others take the household's. Names as the ledger's printouts withhold them.
        var name = p.Relation == Relation.Spouse ? DemoNames.OfFamily(DemoNames.Surname(household + 5), 1) : DemoNames.OfFamily(surname, index == 0 ? 0 : index + 1);
        var born = new DateOnly(p.Born, 1 + (serial % 12), 1 + (serial % 28));
        var idNumber = IdNumber($"520527{born:yyyyMMdd}{(serial * 2) + (p.Male ? 1 : 0):D3}");
        var phone = p.Born <= 2005 && p.Born >= 1950 ? $"139{8500_0000 + (serial * 37):D8}" : null;
        return new Member(new Guid($"0d1a7e00-0000-4000-8002-{serial + 1:D12}"), name, p.Relation, idNumber, phone, p.Education, p.Occupation, p.Marital, p.Income, p.Needs,
            p.Group is { } g ? [g] : []);
    }

    /// <summary>The 17 digits and the one check character GB 11643 accepts after them.</summary>
    private static string IdNumber(string first17) => "0123456789X".Select(c => first17 + c).First(IdentityNumbers.IsValidResidentId);

    private static Guid HouseholdId(int index) => new($"0d1a7e00-0000-4000-8001-{index + 1:D12}");
}
