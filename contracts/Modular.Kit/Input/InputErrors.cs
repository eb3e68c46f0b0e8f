using System.Globalization;
using Modular.Kit.Checks;

namespace Modular.Kit.Input;

/// <summary>
/// Every problem of one input, field by field (field → messages), so the API and the page name them all at once. The
/// readers (<see cref="Required"/>, <see cref="Choice{TEnum}"/>, <see cref="Date"/>…) add a message and return null
/// when a value is bad; <see cref="ThrowIfAny"/> ends the step with <see cref="InputRejectedException"/>, which the host
/// answers as 400 problem details and a page shows beside each field.
/// </summary>
public sealed class InputErrors
{
    public const int DefaultMaxLength = 2000;

    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public bool Has(string field) => _byField.ContainsKey(field);

    /// <summary>A message in both languages, as the API carries it: <c>中文 / English</c>.</summary>
    public InputErrors Add(string field, string chinese, string english) => AddMessage(field, $"{chinese} / {english}");

    /// <summary>A message already worded (one language or both).</summary>
    public InputErrors AddMessage(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var list))
        {
            _byField[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>Adds the message when <paramref name="condition"/> does not hold.</summary>
    public InputErrors Require(bool condition, string field, string chinese, string english) =>
        condition ? this : Add(field, chinese, english);

    /// <summary>Adds the (already worded) message when <paramref name="condition"/> does not hold.</summary>
    public InputErrors Check(bool condition, string field, string message) => condition ? this : AddMessage(field, message);

    public Dictionary<string, string[]> ToDictionary() => _byField.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Ends the step when anything was wrong: every problem goes out at once.</summary>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new InputRejectedException(ToDictionary());
        }
    }

    /// <summary>Required text, trimmed; too long or holding control characters is a named error.</summary>
    public string? Required(string field, string? value, string chinese, string english, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"请填写{chinese}", $"{english} is required.");
            return null;
        }

        return Checked(field, value.Trim(), chinese, english, maxLength);
    }

    /// <summary>Optional text, trimmed; blank is null.</summary>
    public string? Optional(string field, string? value, string chinese, string english, int maxLength = DefaultMaxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Checked(field, value.Trim(), chinese, english, maxLength);

    /// <summary>One of an enum's names (case-insensitive; never a number, which would bind any integer).</summary>
    public TEnum? Choice<TEnum>(string field, string? value, string chinese, string english, bool required = true)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"请选择{chinese}", $"Choose the {english}.");
            }

            return null;
        }

        if (Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        Add(field, $"{chinese}无效", $"The {english} is not one of the choices.");
        return null;
    }

    /// <summary>A whole number within bounds.</summary>
    public int? Number(string field, int? value, string chinese, string english, int min, int max, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Add(field, $"请填写{chinese}", $"{english} is required.");
            }

            return null;
        }

        if (value < min || value > max)
        {
            Add(field, $"{chinese}应在{min}至{max}之间", $"{english} must be between {min} and {max}.");
            return null;
        }

        return value;
    }

    /// <summary>An optional date yyyy-MM-dd, any day (a filter's bound).</summary>
    public DateOnly? Day(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (TryParseDay(value, out var day))
        {
            return day;
        }

        Add(field, "日期应为 yyyy-MM-dd", "A date must be yyyy-MM-dd.");
        return null;
    }

    /// <summary>A date yyyy-MM-dd, not after <paramref name="today"/>: a statutory step is recorded when it has happened.</summary>
    public DateOnly? Date(string field, string? value, string chinese, string english, DateOnly today, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"请填写{chinese}", $"{english} is required.");
            }

            return null;
        }

        if (!TryParseDay(value, out var date))
        {
            Add(field, $"{chinese}应为 yyyy-MM-dd", $"{english} must be a date yyyy-MM-dd.");
            return null;
        }

        if (date > today)
        {
            Add(field, $"{chinese}不能晚于今天", $"{english} cannot be in the future.");
            return null;
        }

        return date;
    }

    /// <summary>An optional resident ID number, upper-cased, checked against GB 11643 (birth date and check character).</summary>
    public string? IdNumber(string field, string? value, bool required = false)
    {
        var id = (required ? Required(field, value, "身份证号码", "ID number", 18) : Optional(field, value, "身份证号码", "ID number", 18))?.ToUpperInvariant();
        if (id is not null && !IdentityNumbers.IsValidResidentId(id))
        {
            Add(field, "身份证号码无效（GB 11643 校验位不符）", "The ID number is not valid (GB 11643 check digit).");
            return null;
        }

        return id;
    }

    /// <summary>An optional unified social credit code of an organisation (GB 32100), upper-cased.</summary>
    public string? CreditCode(string field, string? value, bool required = false)
    {
        var code = (required ? Required(field, value, "统一社会信用代码", "Credit code", 18) : Optional(field, value, "统一社会信用代码", "Credit code", 18))?.ToUpperInvariant();
        if (code is not null && !CreditCodes.IsValid(code))
        {
            Add(field, "统一社会信用代码无效（GB 32100 校验码不符）", "The unified social credit code is not valid (GB 32100 check character).");
            return null;
        }

        return code;
    }

    /// <summary>
    /// An optional phone number as people write it: a mobile (11 digits from 13–19), a landline with or without its area
    /// code (0851-7654321, 7654321), or a service number (12348): digits, '-', '+' and spaces, at least three digits.
    /// </summary>
    public string? Phone(string field, string? value, bool required = false)
    {
        var phone = required ? Required(field, value, "联系电话", "Phone", 30) : Optional(field, value, "联系电话", "Phone", 30);
        if (phone is not null && !PhoneNumbers.IsPlausible(phone))
        {
            Add(field, "联系电话只能包含数字、“-”、“+”和空格，至少3位数字", "A phone number holds digits, '-', '+' and spaces, at least three digits.");
            return null;
        }

        return phone;
    }

    /// <summary>A mainland mobile number: 11 digits beginning 13–19 (a +86 or 0086 prefix is dropped).</summary>
    public string? Mobile(string field, string? value, bool required = false)
    {
        var phone = required ? Required(field, value, "手机号码", "Mobile number", 20) : Optional(field, value, "手机号码", "Mobile number", 20);
        if (phone is null)
        {
            return null;
        }

        if (PhoneNumbers.NormaliseMobile(phone) is { } mobile)
        {
            return mobile;
        }

        Add(field, "手机号码应为以1开头的11位数字", "A mobile number is 11 digits beginning with 1.");
        return null;
    }

    private string? Checked(string field, string text, string chinese, string english, int maxLength)
    {
        var ok = true;
        if (text.Length > maxLength)
        {
            Add(field, $"{chinese}不能超过{maxLength}字", $"{english} is longer than {maxLength} characters.");
            ok = false;
        }

        if (!PlainText.IsAcceptable(text))
        {
            Add(field, $"{chinese}含有不可见的控制字符", $"{english} contains control characters.");
            ok = false;
        }

        return ok ? text : null;
    }

    private static bool TryParseDay(string value, out DateOnly day) =>
        DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
}
