using Modular.Kit.Input;
using Modular.Modules.LegalServices.Counsel.Retainers;

namespace Modular.Modules.LegalServices.Counsel.Reviews.Steps;

/// <summary>What is posted each time a version is sent: the first submission and every resubmission alike.</summary>
internal class SendForReviewInput : CounselStepInput
{
    public string? DocumentVersion { get; set; }

    /// <summary>Art 26: the legal basis the draft relies on (法律依据).</summary>
    public string? LegalBasis { get; set; }

    /// <summary>起草说明: why the draft says what it says; optional.</summary>
    public string? Explanation { get; set; }

    /// <summary>The materials sent, one a line (the draft itself first).</summary>
    public string? Materials { get; set; }

    public string? CounselId { get; set; }

    /// <summary>The meeting the document is meant for, if one is planned: warned when it leaves less than the review time.</summary>
    public string? MeetingOn { get; set; }
}

/// <summary>The rules of sending a version to counsel, shared by the first submission and every resubmission.</summary>
internal static class SendForReview
{
    public const int MaxMaterials = 30;

    public static ReviewSending? Read(SendForReviewInput input, DateOnly today, CounselSettings settings, IReadOnlyList<Retainer> retainers, string by, InputErrors errors)
    {
        var version = errors.Required("documentVersion", input.DocumentVersion, "送审稿版本", "Document version", 50);
        var basis = errors.Required("legalBasis", input.LegalBasis, "合法性依据", "Legal basis", 2000);
        var explanation = errors.Optional("explanation", input.Explanation, "起草说明", "Explanation", 4000);
        var materials = CounselInput.Entries(errors, "materials", input.Materials, "送审材料", "materials", MaxMaterials);
        if (materials.Count == 0 && !errors.Has("materials"))
        {
            errors.Add("materials", "请列出送审材料（至少包括送审稿）", "List the materials sent (the draft at least).");
        }

        var sentOn = CounselInput.OnOrToday(input.On, today, errors);
        var meetingOn = CounselInput.AnyDay(errors, "meetingOn", input.MeetingOn, "拟提交会议日期", "Intended meeting date", required: false);
        if (meetingOn is { } m && sentOn is { } s && m < s)
        {
            errors.Add("meetingOn", "拟提交会议日期不能早于送审日期", "The meeting cannot precede the sending.");
        }

        var counsel = Counsel(input.CounselId, sentOn, retainers, errors);
        return errors.Any
            ? null
            : new ReviewSending(version!, basis!, explanation, materials, counsel!.Id, counsel.Name, counsel.UserName, sentOn!.Value, meetingOn,
                settings.Review.Length, settings.Review.Unit, by);
    }

    /// <summary>The named counsel of a retainer whose term covers the day it is sent.</summary>
    private static CounselMember? Counsel(string? id, DateOnly? on, IReadOnlyList<Retainer> retainers, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add("counselId", "请选择审查的法律顾问", "Choose the counsel who reviews it.");
            return null;
        }

        var retainer = Guid.TryParse(id, out var counselId) ? retainers.FirstOrDefault(r => r.Counsel.Any(c => c.Id == counselId)) : null;
        if (retainer is null)
        {
            errors.Add("counselId", "没有这位法律顾问", "No such counsel.");
            return null;
        }

        if (on is { } day && !retainer.Covers(day))
        {
            errors.Add("counselId", $"{retainer.Firm}的聘期为{retainer.From:yyyy-MM-dd}至{retainer.To:yyyy-MM-dd}，不包括送审日期", $"The retainer of {retainer.Firm} runs {retainer.From:yyyy-MM-dd} to {retainer.To:yyyy-MM-dd}, not on the day sent.");
            return null;
        }

        return retainer.Counsel.First(c => c.Id == counselId);
    }
}
