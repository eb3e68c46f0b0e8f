using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Records;

namespace Modular.Modules.LawStudy.Study;

/// <summary>A post's own yearly target (领导班子成员 may study more than the rest).</summary>
internal sealed record PostTarget(string Post, decimal Hours);

/// <summary>The township's study targets were set: the hours every post owes a year, the posts with their own, and the day "behind" reaches the due list.</summary>
internal sealed record StudyTargetsSet(decimal DefaultTargetHours, IReadOnlyList<PostTarget> PostTargets, int DueFromMonth, int DueFromDay);

/// <summary>
/// The township's study targets, one stream per township. No national figure exists (provinces and counties set their
/// own: 40 hours a year is a common county figure), so 40 hours for every post is the default until the head sets
/// the township's; from 1 November each person still behind is on the due list, due 31 December.
/// </summary>
internal sealed class StudySettings
{
    public const decimal StandardTargetHours = 40;
    public const decimal MaxTargetHours = 400;
    public const int MaxPostTargets = 50;

    public Guid Id { get; set; }

    public long Version { get; set; }

    public decimal DefaultTargetHours { get; set; } = StandardTargetHours;

    public List<PostTarget> PostTargets { get; set; } = [];

    public int DueFromMonth { get; set; } = 11;

    public int DueFromDay { get; set; } = 1;

    /// <summary>The yearly target of a post: its own, or the township's default.</summary>
    public decimal TargetOf(string post) => PostTargets.FirstOrDefault(t => t.Post == post)?.Hours ?? DefaultTargetHours;

    /// <summary>The day of <paramref name="year"/> from which a person behind target is on the due list.</summary>
    public DateOnly DueFrom(int year) => new(year, DueFromMonth, Math.Min(DueFromDay, DateTime.DaysInMonth(year, DueFromMonth)));

    public string DueFromText => string.Create(CultureInfo.InvariantCulture, $"{DueFromMonth:D2}-{DueFromDay:D2}");

    public void Apply(StudyTargetsSet e)
    {
        DefaultTargetHours = e.DefaultTargetHours;
        PostTargets = [.. e.PostTargets];
        DueFromMonth = e.DueFromMonth;
        DueFromDay = e.DueFromDay;
    }

    public static Guid StreamId(string township) => StableIds.Of("law-study.study-settings", township);
}

/// <summary>The settings as the API and the page post them; <c>version</c> is 0 while the defaults apply; <c>dueFrom</c> is MM-dd.</summary>
internal sealed class StudySettingsInput
{
    public long? Version { get; set; }

    public decimal? DefaultTargetHours { get; set; }

    public IReadOnlyList<PostTargetInput?>? PostTargets { get; set; }

    public string? DueFrom { get; set; }
}

internal sealed class PostTargetInput
{
    public string? Post { get; set; }

    public decimal? Hours { get; set; }
}

/// <summary>The settings as the API answers them.</summary>
internal sealed record StudySettingsView(long Version, decimal DefaultTargetHours, IReadOnlyList<PostTarget> PostTargets, string DueFrom)
{
    public static StudySettingsView Of(StudySettings s) => new(s.Version, s.DefaultTargetHours, s.PostTargets, s.DueFromText);
}

/// <summary>Reads and changes the current township's study settings.</summary>
internal sealed class StudySettingsStore(IDocumentSession session, ITownshipContext township)
{
    private StudySettings? _loaded;

    private Guid Id => StudySettings.StreamId(township.Required.Slug);

    public async Task<StudySettings> GetAsync(CancellationToken ct) =>
        _loaded ??= await session.LoadAsync<StudySettings>(Id, ct) ?? new StudySettings { Id = Id };

    /// <summary>A pure decision: the new targets, each post once, the due-list day a real day of the year (29 February is not: it is not in every year).</summary>
    public static StudyTargetsSet? Decide(StudySettingsInput input, InputErrors errors)
    {
        var target = errors.Hours("defaultTargetHours", input.DefaultTargetHours, "年度学时目标", "Yearly target", 0.5m, StudySettings.MaxTargetHours);
        var posts = new List<PostTarget>();
        var given = input.PostTargets ?? [];
        if (given.Count > StudySettings.MaxPostTargets)
        {
            errors.Add("postTargets", $"最多设置{StudySettings.MaxPostTargets}个岗位的目标", $"At most {StudySettings.MaxPostTargets} post targets.");
            given = [];
        }

        for (var i = 0; i < given.Count; i++)
        {
            var post = errors.Required($"postTargets[{i}].post", given[i]?.Post, "岗位", "Post", 50);
            var hours = errors.Hours($"postTargets[{i}].hours", given[i]?.Hours, "岗位学时目标", "Post target", 0.5m, StudySettings.MaxTargetHours);
            if (post is not null && posts.Any(p => p.Post == post))
            {
                errors.Add($"postTargets[{i}].post", "该岗位已设置目标", "This post already has a target.");
            }
            else if (post is not null && hours is { } h)
            {
                posts.Add(new PostTarget(post, h));
            }
        }

        var dueFrom = DueFrom(input.DueFrom, errors);
        return errors.Any ? null : new StudyTargetsSet(target!.Value, posts, dueFrom!.Value.Month, dueFrom.Value.Day);
    }

    private static (int Month, int Day)? DueFrom(string? text, InputErrors errors)
    {
        if (DateOnly.TryParseExact($"2021-{text?.Trim()}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (day.Month, day.Day);
        }

        errors.Add("dueFrom", "列入待办的日期应为“月-日”，如 11-01", "The day is month-day, e.g. 11-01.");
        return null;
    }

    public async Task SetAsync(StudySettingsInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var set = Decide(input, errors);
        await SettingsStreams.SetAsync<StudySettings>(session, Id, input.Version, set!, errors, ct);
        _loaded = null;
    }

    public static async Task<Ok<StudySettingsView>> GetEndpointAsync(StudySettingsStore settings, CancellationToken ct) =>
        TypedResults.Ok(StudySettingsView.Of(await settings.GetAsync(ct)));

    /// <summary><c>POST …/study/settings</c>: 200 with the settings, 400 naming every field, 409 on a stale version.</summary>
    public static async Task<Results<Ok<StudySettingsView>, ValidationProblem>> SetEndpointAsync(StudySettingsInput input, StudySettingsStore settings, CancellationToken ct)
    {
        try
        {
            await settings.SetAsync(input, ct);
        }
        catch (InputRejectedException invalid)
        {
            return TypedResults.ValidationProblem(invalid.Errors);
        }

        return TypedResults.Ok(StudySettingsView.Of(await settings.GetAsync(ct)));
    }
}
