using Modular.Kit.Checks;
using Modular.Kit.Input;
using SpecialGroup = Modular.Modules.Mediation.Shared.SpecialGroup;
using SpecialGroups = Modular.Modules.Mediation.Shared.SpecialGroups;

namespace Modular.Modules.Mediation.Households;

/// <summary>
/// A household as the form and the API send it. On an update, an empty address keeps the recorded one: the form never
/// shows it in clear, so it cannot send it back.
/// </summary>
internal sealed class HouseholdInput
{
    public long? Version { get; set; }

    public string? Village { get; set; }

    public string? Group { get; set; }

    public string? Address { get; set; }

    public string? Notes { get; set; }

    /// <summary>The head of household, registered with the household.</summary>
    public MemberInput? Head { get; set; }
}

/// <summary>A member as the form and the API send it. On an update, an empty ID number or phone keeps the recorded one.</summary>
internal sealed class MemberInput
{
    public long? Version { get; set; }

    public string? Name { get; set; }

    public string? Relation { get; set; }

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public string? Education { get; set; }

    public string? Occupation { get; set; }

    public string? MaritalStatus { get; set; }

    public string? IncomeBand { get; set; }

    public string? ServiceNeeds { get; set; }

    /// <summary>Names (<c>Disabled</c>) or Chinese labels (残疾人) of the special groups.</summary>
    public List<string>? SpecialGroups { get; set; }
}

/// <summary>The body of a removal or a closure: the version read, the reason and (closure) the day.</summary>
internal sealed class ReasonInput
{
    public long? Version { get; set; }

    public string? On { get; set; }

    public string? Reason { get; set; }
}

/// <summary>The rules of one household's and one member's fields, shared by the forms, the API and the import.</summary>
internal static class HouseholdRules
{
    public static HouseholdFacts? Facts(InputErrors errors, HouseholdInput input, HouseholdFacts? current)
    {
        var village = errors.Required("village", input.Village, "村", "Village", 50);
        var group = errors.Required("group", input.Group, "组", "Group", 50);
        var address = errors.Optional("address", input.Address, "住址", "Address", 200) ?? current?.Address;
        if (address is null)
        {
            errors.Add("address", "请填写住址", "Address is required.");
        }

        var notes = errors.Optional("notes", input.Notes, "备注", "Notes", 2000);
        return errors.Any ? null : new HouseholdFacts(village!, group!, address!, notes);
    }

    /// <summary>The member, or null when the input (this member or anything else in it) has a problem.</summary>
    /// <param name="prefix">Put before each field name, for a member inside another input (<c>head.</c>).</param>
    public static Member? Member(InputErrors errors, MemberInput input, Guid id, Member? current, DateOnly today, string prefix = "")
    {
        var name = errors.Required(prefix + "name", input.Name, "姓名", "Name", 50);
        var relation = errors.Choice<Relation>(prefix + "relation", input.Relation, "与户主关系", "relation to the head");
        var idNumber = IdNumber(errors, prefix + "idNumber", input.IdNumber, current?.IdNumber, today);
        var phone = errors.Phone(prefix + "phone", input.Phone) ?? current?.Phone;
        var education = errors.Choice<Education>(prefix + "education", input.Education, "文化程度", "education", required: false);
        var occupation = errors.Optional(prefix + "occupation", input.Occupation, "职业", "Occupation", 50);
        var marital = errors.Choice<MaritalStatus>(prefix + "maritalStatus", input.MaritalStatus, "婚姻状况", "marital status", required: false);
        var income = errors.Choice<IncomeBand>(prefix + "incomeBand", input.IncomeBand, "收入水平", "income band", required: false);
        var needs = errors.Optional(prefix + "serviceNeeds", input.ServiceNeeds, "服务需求", "Service needs", 500);
        var groups = new List<SpecialGroup>();
        foreach (var text in (input.SpecialGroups ?? []).Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            if (SpecialGroups.Parse(text) is { } group)
            {
                groups.Add(group);
            }
            else
            {
                errors.Add(prefix + "specialGroups", $"特殊群体“{text.Trim()}”无效", "A special group is not one of the choices.");
            }
        }

        return errors.Any
            ? null
            : new Member(id, name!, relation!.Value, idNumber!, phone, education, occupation, marital, income, needs, [.. groups.Distinct().Order()]);
    }

    // Required for a new member; left empty on an edit it keeps the number on record (forms never show it in clear).
    private static string? IdNumber(InputErrors errors, string field, string? value, string? current, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (current is null)
            {
                errors.Add(field, "请填写身份证号码", "ID number is required.");
            }

            return current;
        }

        var idNumber = errors.IdNumber(field, value);
        if (IdentityNumbers.BirthDate(idNumber) > today)
        {
            errors.Add(field, "身份证号码中的出生日期晚于今天", "The birth date in the ID number is in the future.");
            return null;
        }

        return idNumber;
    }
}
