using System.Text.RegularExpressions;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Staff;

/// <summary>What the API and the forms post for a roster entry: text only, so junk is a field error, never a binding failure.</summary>
internal class StaffInput
{
    public string? Name { get; set; }

    public string? Department { get; set; }

    public string? Post { get; set; }

    /// <summary>Whether the post is an enforcement post (执法岗位).</summary>
    public bool? EnforcementPost { get; set; }

    /// <summary>The platform user the person signs in as, if they sign in.</summary>
    public string? UserName { get; set; }

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }
}

/// <summary>A roster entry as read from <see cref="StaffInput"/>: every field checked, the user name in lower case.</summary>
internal sealed partial record StaffDetails(string Name, string Department, string Post, bool EnforcementPost, string? UserName, string? IdNumber, string? Phone)
{
    /// <summary>The entry, or null with every problem in <paramref name="errors"/>.</summary>
    public static StaffDetails? Read(StaffInput input, InputErrors errors)
    {
        var name = errors.Required("name", input.Name, "姓名", "Name", 50);
        var department = errors.Required("department", input.Department, "所在部门", "Department", 50);
        var post = errors.Required("post", input.Post, "岗位", "Post", 50);
        var userName = errors.Optional("userName", input.UserName, "登录账号", "User name", 32)?.ToLowerInvariant();
        if (userName is not null && !UserNamePattern().IsMatch(userName))
        {
            errors.Add("userName", "登录账号只能包含字母、数字、“.”“_”“-”，3至32位", "A user name is 3 to 32 letters, digits, '.', '_' or '-'.");
        }

        var idNumber = errors.IdNumber("idNumber", input.IdNumber);
        var phone = errors.Phone("phone", input.Phone);
        return errors.Any ? null : new StaffDetails(name!, department!, post!, input.EnforcementPost ?? false, userName, idNumber, phone);
    }

    /// <summary>An ID number is one person's: held by one entry on the roster at a time.</summary>
    public static UniqueKey IdNumberKey(string idNumber) => new("law-study.staff.id-number", idNumber);

    /// <summary>A platform user is one person: linked to one entry on the roster at a time.</summary>
    public static UniqueKey UserKey(string userName) => new("law-study.staff.user", userName);

    /// <summary>The claims this entry holds while it is on the roster, each with the refusal a clash on it becomes.</summary>
    public IReadOnlyList<KeyRefusal> Keys()
    {
        var keys = new List<KeyRefusal>(2);
        if (IdNumber is not null)
        {
            keys.Add(new(IdNumberKey(IdNumber), "idNumber", DuplicateIdChinese, DuplicateIdEnglish));
        }

        if (UserName is not null)
        {
            keys.Add(new(UserKey(UserName), "userName", DuplicateUserChinese, DuplicateUserEnglish));
        }

        return keys;
    }

    public const string DuplicateIdChinese = "花名册上已有此身份证号码的人员";
    public const string DuplicateIdEnglish = "Someone on the roster already has this ID number.";
    public const string DuplicateUserChinese = "此登录账号已关联花名册上的另一人";
    public const string DuplicateUserEnglish = "This user name is already linked to another person on the roster.";

    [GeneratedRegex("^[a-z0-9._-]{3,32}$")]
    private static partial Regex UserNamePattern();
}
