using Modular.Contracts.PersonalData;
using Modular.Kit.Checks;
using Modular.Kit.Steps;
using SpecialGroup = Modular.Modules.Mediation.Shared.SpecialGroup;

namespace Modular.Modules.Mediation.Households;

internal enum Relation
{
    Head,        // 户主
    Spouse,      // 配偶
    Child,       // 子女
    Parent,      // 父母
    Grandchild,  // 孙子女
    Grandparent, // 祖父母
    Sibling,     // 兄弟姐妹
    ChildInLaw,  // 儿媳、女婿
    Other,       // 其他
}

/// <summary>受教育程度 as the national census counts it (第七次全国人口普查).</summary>
internal enum Education
{
    NoSchooling,   // 未上过学
    Preschool,     // 学前教育
    Primary,       // 小学
    JuniorHigh,    // 初中
    SeniorHigh,    // 高中（含中专）
    JuniorCollege, // 大学专科
    Bachelor,      // 大学本科
    Master,        // 硕士研究生
    Doctorate,     // 博士研究生
}

/// <summary>婚姻状况 as the national census counts it.</summary>
internal enum MaritalStatus
{
    Unmarried, // 未婚
    Married,   // 有配偶
    Divorced,  // 离婚
    Widowed,   // 丧偶
}

internal enum Sex
{
    Male,
    Female,
}

/// <summary>A member's own yearly income, in the fixed bands the ledger form asks for.</summary>
internal enum IncomeBand
{
    None,          // 无收入
    Under5000,     // 5000元以下
    Under10000,    // 5000–10000元
    Under30000,    // 1万–3万元
    Under60000,    // 3万–6万元
    From60000,     // 6万元以上
}

/// <summary>
/// One person of a household. Personal data: the ID number and phone are shown only masked; birth date, sex and age
/// come from the ID number, so they cannot disagree with it.
/// </summary>
internal sealed record Member(
    Guid Id,
    string Name,
    Relation Relation,
    string IdNumber,
    string? Phone,
    Education? Education,
    string? Occupation,
    MaritalStatus? MaritalStatus,
    IncomeBand? IncomeBand,
    string? ServiceNeeds,
    IReadOnlyList<SpecialGroup> SpecialGroups)
{
    // Methods, not properties, so the stored member holds the ID number alone; the number was checked (GB 11643) when recorded.
    public Sex SexByIdNumber() => IdentityNumbers.IsMale(IdNumber) == false ? Sex.Female : Sex.Male;

    public int AgeOn(DateOnly day) => IdentityNumbers.AgeOn(IdNumber, day) ?? 0;
}

/// <summary>The household fields of the ledger (户号 aside, which never changes).</summary>
internal sealed record HouseholdFacts(string Village, string Group, string Address, string? Notes);

internal sealed record HouseholdRegistered(Guid Id, string Number, HouseholdFacts Facts);

internal sealed record HouseholdUpdated(HouseholdFacts Facts);

internal sealed record MemberAdded(Member Member);

internal sealed record MemberUpdated(Member Member);

/// <summary>A member who left the household (moved out, married out, died), with the reason.</summary>
internal sealed record MemberRemoved(Guid MemberId, string Reason);

/// <summary>A household that moved away or dissolved: closed with its reason, never deleted.</summary>
internal sealed record HouseholdClosed(DateOnly On, string Reason);

/// <summary>A household (户) of the ledger and its members: the inline snapshot of its stream.</summary>
internal sealed class Household
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Number { get; set; } = "";

    public string Village { get; set; } = "";

    public string Group { get; set; } = "";

    public string Address { get; set; } = "";

    public string? Notes { get; set; }

    /// <summary>The head's name, kept apart so the ledger can be searched by it.</summary>
    public string HeadName { get; set; } = "";

    public List<Member> Members { get; set; } = [];

    /// <summary>The special groups any member belongs to: the ledger's filter.</summary>
    public List<SpecialGroup> SpecialGroups { get; set; } = [];

    /// <summary>Members in at least one special group: summed for the dashboard without loading the members.</summary>
    public int SpecialGroupMembers { get; set; }

    public bool IsClosed { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? ClosedReason { get; set; }

    // Methods, not properties: the document's JSON holds each member once.
    public Member? Head() => Members.FirstOrDefault(m => m.Relation == Relation.Head);

    public Member? Find(Guid memberId) => Members.FirstOrDefault(m => m.Id == memberId);

    /// <summary>A member's personal data as a reveal reads it: the address is the household's, where the member lives.</summary>
    public string? PersonalData(Member member, PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.IdNumber => member.IdNumber,
        PersonalDataKind.PhoneNumber => member.Phone,
        PersonalDataKind.Address => Address,
        _ => null,
    };

    /// <summary>Whose data it is, as the township admin's list of reveals shows it: the household and the member's name, never the value.</summary>
    public string Subject(Member member) => $"户 {Number} / {member.Name}";

    public static Household Create(HouseholdRegistered e)
    {
        var household = new Household { Id = e.Id, Number = e.Number };
        household.Apply(new HouseholdUpdated(e.Facts));
        return household;
    }

    public void Apply(HouseholdUpdated e) => (Village, Group, Address, Notes) = (e.Facts.Village, e.Facts.Group, e.Facts.Address, e.Facts.Notes);

    public void Apply(MemberAdded e)
    {
        Members.Add(e.Member);
        Summarise();
    }

    public void Apply(MemberUpdated e)
    {
        var index = Members.FindIndex(m => m.Id == e.Member.Id);
        if (index >= 0)
        {
            Members[index] = e.Member;
        }

        Summarise();
    }

    public void Apply(MemberRemoved e)
    {
        Members.RemoveAll(m => m.Id == e.MemberId);
        Summarise();
    }

    public void Apply(HouseholdClosed e) => (IsClosed, ClosedOn, ClosedReason) = (true, e.On, e.Reason);

    private void Summarise()
    {
        HeadName = Head()?.Name ?? "";
        SpecialGroups = [.. Members.SelectMany(m => m.SpecialGroups).Distinct().Order()];
        SpecialGroupMembers = Members.Count(m => m.SpecialGroups.Count > 0);
    }
}

/// <summary>The last automatic 户号 of the township, versioned so two registrations cannot take one number.</summary>
internal sealed class HouseholdNumberCounter : IRecordCounter
{
    public const string Key = "households";

    public string Id { get; set; } = Key;

    public int Last { get; set; }
}
