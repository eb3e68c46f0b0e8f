using Modular.Contracts.Modules;
using static Modular.Kit.Text;
using SpecialGroup = Modular.Modules.Mediation.Shared.SpecialGroup;
using SpecialGroups = Modular.Modules.Mediation.Shared.SpecialGroups;

namespace Modular.Modules.Mediation.Households;

/// <summary>A choice as the API answers it: its stable name and its label in the reader's language.</summary>
internal sealed record ChoiceView(string Value, string Label);

/// <summary>The ledger form's words for relations, education, marital status and income bands.</summary>
internal static class HouseholdVocabulary
{
    public static LocalizedText Label(Relation relation) => relation switch
    {
        Relation.Head => new("户主", "Head of household"),
        Relation.Spouse => new("配偶", "Spouse"),
        Relation.Child => new("子女", "Child"),
        Relation.Parent => new("父母", "Parent"),
        Relation.Grandchild => new("孙子女", "Grandchild"),
        Relation.Grandparent => new("祖父母", "Grandparent"),
        Relation.Sibling => new("兄弟姐妹", "Sibling"),
        Relation.ChildInLaw => new("儿媳、女婿", "Child-in-law"),
        _ => new("其他", "Other"),
    };

    public static LocalizedText Label(Education education) => education switch
    {
        Education.NoSchooling => new("未上过学", "No schooling"),
        Education.Preschool => new("学前教育", "Preschool"),
        Education.Primary => new("小学", "Primary school"),
        Education.JuniorHigh => new("初中", "Junior high school"),
        Education.SeniorHigh => new("高中（含中专）", "Senior high or vocational school"),
        Education.JuniorCollege => new("大学专科", "Junior college"),
        Education.Bachelor => new("大学本科", "Bachelor's degree"),
        Education.Master => new("硕士研究生", "Master's degree"),
        _ => new("博士研究生", "Doctorate"),
    };

    public static LocalizedText Label(MaritalStatus status) => status switch
    {
        MaritalStatus.Unmarried => new("未婚", "Unmarried"),
        MaritalStatus.Married => new("有配偶", "Married"),
        MaritalStatus.Divorced => new("离婚", "Divorced"),
        _ => new("丧偶", "Widowed"),
    };

    public static LocalizedText Label(IncomeBand band) => band switch
    {
        IncomeBand.None => new("无收入", "No income"),
        IncomeBand.Under5000 => new("5000元以下", "Under ¥5,000 a year"),
        IncomeBand.Under10000 => new("5000–10000元", "¥5,000–10,000 a year"),
        IncomeBand.Under30000 => new("1万–3万元", "¥10,000–30,000 a year"),
        IncomeBand.Under60000 => new("3万–6万元", "¥30,000–60,000 a year"),
        _ => new("6万元以上", "¥60,000 a year or more"),
    };

    public static LocalizedText Label(Sex sex) => sex == Sex.Male ? new("男", "Male") : new("女", "Female");

    public static ChoiceView View(Relation value) => new(value.ToString(), T(Label(value)));

    public static ChoiceView View(Sex value) => new(value.ToString(), T(Label(value)));

    public static ChoiceView? View(Education? value) => value is { } v ? new(v.ToString(), T(Label(v))) : null;

    public static ChoiceView? View(MaritalStatus? value) => value is { } v ? new(v.ToString(), T(Label(v))) : null;

    public static ChoiceView? View(IncomeBand? value) => value is { } v ? new(v.ToString(), T(Label(v))) : null;

    public static IReadOnlyList<ChoiceView> View(IEnumerable<SpecialGroup> groups) =>
        [.. groups.Select(g => new ChoiceView(g.ToString(), T(SpecialGroups.Label(g))))];

    /// <summary>
    /// The choice's name for a ledger cell that holds its Chinese label (as townships fill them in), so the form's
    /// validation reads both; any other text is handed back as it is and refused there.
    /// </summary>
    public static string? NameOf<TEnum>(string? cell, Func<TEnum, LocalizedText> label)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(v => label(v).Chinese == cell?.Trim()).Select(v => v.ToString()).FirstOrDefault() ?? cell;
}
