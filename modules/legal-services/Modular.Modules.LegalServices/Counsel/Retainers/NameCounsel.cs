using Modular.Kit.Input;

namespace Modular.Modules.LegalServices.Counsel.Retainers;

internal sealed class NameCounselInput : CounselStepInput
{
    public string? Name { get; set; }

    public string? LicenceNumber { get; set; }

    public string? Phone { get; set; }

    /// <summary>The counsel's sign-in name, created by the township admin on /admin/users with the counsel role.</summary>
    public string? UserName { get; set; }
}

internal sealed record NameCounsel(DateOnly? On, string? Name, string? LicenceNumber, string? Phone, string? UserName, string By);

/// <summary>A named counsel of the retained firm: the person who reviews and represents (律师执业证号 is 17 digits).</summary>
internal static class NameCounselStep
{
    public const string Name = "counsel";

    public static NameCounsel Read(NameCounselInput input, DateOnly today, InputErrors errors, string by)
    {
        var licence = errors.Required("licenceNumber", input.LicenceNumber, "执业证号", "Licence number", 17);
        if (licence is not null && (licence.Length != 17 || !licence.All(char.IsAsciiDigit)))
        {
            errors.Add("licenceNumber", "律师执业证号应为17位数字", "A lawyer's licence number is 17 digits.");
        }

        var userName = errors.Optional("userName", input.UserName, "登录名", "Sign-in name", 64);
        if (userName is not null && !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
        {
            errors.Add("userName", "登录名只能包含字母、数字和 . - _", "A sign-in name holds letters, digits and . - _ only.");
        }

        return new(CounselInput.OnOrToday(input.On, today, errors), errors.Required("name", input.Name, "姓名", "Name", 50), licence,
            errors.Phone("phone", input.Phone), userName, by);
    }

    public static IReadOnlyList<object> Decide(Retainer r, NameCounsel c, InputErrors errors)
    {
        Retainer.Steps.Expect(r, Name, errors);
        if (c.LicenceNumber is { } licence && r.Counsel.Any(m => m.LicenceNumber == licence))
        {
            errors.Add("licenceNumber", "该执业证号的法律顾问已登记", "A counsel with this licence number is already named.");
        }

        if (c.UserName is { } user && r.UserNames.Contains(user))
        {
            errors.Add("userName", "该登录名已用于另一位法律顾问", "This sign-in name is already another counsel's.");
        }

        return errors.Any ? [] : [new CounselNamed(Guid.CreateVersion7(), c.Name!, c.LicenceNumber!, c.Phone, c.UserName, c.On!.Value, c.By)];
    }

    public static Task<bool> RunAsync(CounselStepContext context, Guid id, NameCounselInput input, CancellationToken ct) =>
        context.RunAsync<Retainer, NameCounselInput, NameCounsel>(id, input, (i, today, e) => Read(i, today, e, context.User.DisplayName), Decide, ct);
}
