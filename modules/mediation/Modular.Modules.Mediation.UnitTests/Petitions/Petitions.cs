using Modular.Kit.Input;
using Modular.Modules.Mediation.Petitions;

namespace Modular.Modules.Mediation.UnitTests.Petitions;

/// <summary>Petitions in each state, built by applying their events as the inline projection does.</summary>
internal static class Petitions
{
    public static readonly DateOnly Received = new(2026, 5, 28);

    public static readonly DateOnly Today = new(2026, 12, 1);

    public static DateOnly Day(int afterReceived) => Received.AddDays(afterReceived);

    public static Petition Registered() => Petition.Create(new PetitionRegistered(
        Guid.NewGuid(), "2026-0001", PetitionChannel.Transferred, Received, "赫章县信访局", "赫信转〔2026〕12号",
        new Petitioner("张大山", null, null, null), "反映承包地被占用未获补偿", null));

    public static Petition Accepted()
    {
        var p = Registered();
        p.Apply(new PetitionAccepted(Day(3)));
        return p;
    }

    public static Petition Classified(PetitionCategory category = PetitionCategory.Claim)
    {
        var p = Accepted();
        p.Apply(new PetitionClassified(Day(4), category));
        return p;
    }

    public static Petition Investigating()
    {
        var p = Classified();
        p.Apply(new InvestigationStarted(Day(5), "李四"));
        return p;
    }

    public static Petition OpinionIssued()
    {
        var p = Investigating();
        p.Apply(new OpinionIssued(Day(20), OpinionOutcome.Supported, "意见", "依据"));
        return p;
    }

    public static Petition UnderReview()
    {
        var p = OpinionIssued();
        p.Apply(new ReviewRequested(Day(25), 1));
        return p;
    }

    public static Petition Reviewed()
    {
        var p = UnderReview();
        p.Apply(new ReviewDecided(Day(40), 1, OpinionOutcome.Explained, "复查意见"));
        return p;
    }

    public static Petition UnderSecondReview()
    {
        var p = Reviewed();
        p.Apply(new ReviewRequested(Day(45), 2));
        return p;
    }

    public static string Messages(InputErrors errors, string field) => string.Join(" ", errors.ToDictionary()[field]);

    public static IEnumerable<string> Fields(InputErrors errors) => errors.ToDictionary().Keys.Order(StringComparer.Ordinal);
}
