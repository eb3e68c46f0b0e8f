using System.Globalization;
using Modular.Kit.Input;

namespace Modular.Modules.LawStudy.Study;

/// <summary>How the area reads hours: half-hour steps, bounded, so a typing slip (400 for 4.0) is named, never counted.</summary>
internal static class StudyInputs
{
    /// <summary>The longest a single session may be recorded as: a five-day training course of eight-hour days.</summary>
    public const decimal MaxSessionHours = 40;

    /// <summary>Hours of <c>0.5</c> steps from <paramref name="min"/> to <paramref name="max"/>; null with the reason under <paramref name="field"/>.</summary>
    public static decimal? Hours(this InputErrors errors, string field, decimal? value, string chinese, string english, decimal min, decimal max, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(field, $"请填写{chinese}", $"{english} is required.");
            }

            return null;
        }

        if (value < min || value > max || value * 2 != decimal.Truncate(value.Value * 2))
        {
            errors.Add(field, $"{chinese}应为{Show(min)}至{Show(max)}之间、以0.5为单位的数", $"{english} must be between {Show(min)} and {Show(max)}, in steps of 0.5.");
            return null;
        }

        return value;
    }

    /// <summary>An hours figure as a page or a report writes it: 2, 1.5.</summary>
    public static string Show(decimal hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);
}
