using Modular.Contracts.Modules;

namespace Modular.Modules.Mediation.Shared;

/// <summary>The special groups the comprehensive-governance center keeps lists of and flags on disputes.</summary>
internal enum SpecialGroup
{
    ElderlyLivingAlone,   // 独居老人
    LeftBehindChild,      // 留守儿童
    Disabled,             // 残疾人
    ReleasedPrisoner,     // 刑满释放人员
    MentalIllness,        // 严重精神障碍患者
}

internal static class SpecialGroups
{
    public static LocalizedText Label(SpecialGroup group) => group switch
    {
        SpecialGroup.ElderlyLivingAlone => new("独居老人", "Elderly living alone"),
        SpecialGroup.LeftBehindChild => new("留守儿童", "Left-behind child"),
        SpecialGroup.Disabled => new("残疾人", "Person with disabilities"),
        SpecialGroup.ReleasedPrisoner => new("刑满释放人员", "Released prisoner"),
        SpecialGroup.MentalIllness => new("严重精神障碍患者", "Person with severe mental illness"),
        _ => new(group.ToString(), group.ToString()),
    };

    /// <summary>Reads a group from its name or its Chinese label (as a ledger's cell holds it).</summary>
    public static SpecialGroup? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        foreach (var group in Enum.GetValues<SpecialGroup>())
        {
            if (string.Equals(group.ToString(), text, StringComparison.OrdinalIgnoreCase) || Label(group).Chinese == text)
            {
                return group;
            }
        }

        return null;
    }
}
