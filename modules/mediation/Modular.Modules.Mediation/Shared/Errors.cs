using System.Globalization;

namespace Modular.Modules.Mediation.Shared;

/// <summary>Collects every problem of one input (field → messages), so the API and the page can name them all at once.</summary>
internal sealed class Errors
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    public bool Any => _byField.Count > 0;

    public void Add(string field, string chinese, string english)
    {
        if (!_byField.TryGetValue(field, out var list))
        {
            _byField[field] = list = [];
        }

        list.Add($"{chinese} / {english}");
    }

    public Dictionary<string, string[]> ToDictionary() => _byField.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

    public string? Required(string field, string? value, string chinese, string english, int maxLength = 2000)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"请填写{chinese}", $"{english} is required.");
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            Add(field, $"{chinese}不能超过{maxLength}字", $"{english} is longer than {maxLength} characters.");
        }

        return trimmed;
    }

    public string? Optional(string field, string? value, string chinese, string english, int maxLength = 2000)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            Add(field, $"{chinese}不能超过{maxLength}字", $"{english} is longer than {maxLength} characters.");
        }

        return trimmed;
    }

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

    /// <summary>An optional resident ID number, upper-cased, checked against GB 11643 (birth date and check character).</summary>
    public string? IdNumber(string field, string? value)
    {
        var id = Optional(field, value, "身份证号码", "ID number", 18)?.ToUpperInvariant();
        if (id is not null && !IdentityNumbers.IsValidResidentId(id))
        {
            Add(field, "身份证号码无效（GB 11643 校验位不符）", "The ID number is not valid (GB 11643 check digit).");
        }

        return id;
    }

    /// <summary>An optional phone number: digits, '-', '+' and spaces.</summary>
    public string? Phone(string field, string? value)
    {
        var phone = Optional(field, value, "联系电话", "Phone", 30);
        if (phone is not null && !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' '))
        {
            Add(field, "联系电话只能包含数字和“-”", "The phone number may contain only digits and '-'.");
        }

        return phone;
    }

    /// <summary>An optional date yyyy-MM-dd, any day (a filter's bound).</summary>
    public DateOnly? Day(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
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

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
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
}

/// <summary>Thrown by a handler when the input breaks a rule; the API answers 400 with the fields, the page shows them.</summary>
internal sealed class InputException(Dictionary<string, string[]> errors) : Exception("输入有误 / Input is not valid.")
{
    public Dictionary<string, string[]> Errors { get; } = errors;
}
