using System.Globalization;
using Marten;
using Modular.Contracts.Time;
using Modular.Kit.Input;
using Modular.Kit.Records;

namespace Modular.Host.Reports;

/// <summary>A township changed the days its report is due by (month and day of the year after the report's).</summary>
public sealed record AnnualReportDueDatesSet(int SendByMonth, int SendByDay, int PublishByMonth, int PublishByDay, string By, DateTimeOffset At);

/// <summary>
/// When the report falls due. The provincial guides (e.g. 贵州省法治政府建设年度报告制度) set the report to the level
/// above by 1 March and its publication on the portal by 1 April of the next year: the defaults, a setting per township.
/// </summary>
public sealed class ReportSettings
{
    public const int DefaultSendByMonth = 3;
    public const int DefaultSendByDay = 1;
    public const int DefaultPublishByMonth = 4;
    public const int DefaultPublishByDay = 1;

    public Guid Id { get; set; }

    public int Version { get; set; }

    public int SendByMonth { get; set; } = DefaultSendByMonth;

    public int SendByDay { get; set; } = DefaultSendByDay;

    public int PublishByMonth { get; set; } = DefaultPublishByMonth;

    public int PublishByDay { get; set; } = DefaultPublishByDay;

    public static Guid StreamId(string township) => StableIds.Of("platform.annual-report-settings", township);

    public void Apply(AnnualReportDueDatesSet e) =>
        (SendByMonth, SendByDay, PublishByMonth, PublishByDay) = (e.SendByMonth, e.SendByDay, e.PublishByMonth, e.PublishByDay);

    public static async Task<ReportSettings> ReadAsync(IQuerySession session, string township, CancellationToken ct) =>
        await session.LoadAsync<ReportSettings>(StreamId(township), ct) ?? new ReportSettings { Id = StreamId(township) };

    /// <summary>
    /// The day the report of <paramref name="year"/> is due to the county, in the next year. A due day that is a rest day
    /// moves to the next working day (民法典 第二百零三条), counted by the statutory clock.
    /// </summary>
    public StatutoryDate SendBy(int year, IStatutoryClock clock) => DueDay(new DateOnly(year + 1, SendByMonth, SendByDay), clock);

    /// <summary>The day the report of <paramref name="year"/> is due on the portal, in the next year.</summary>
    public StatutoryDate PublishBy(int year, IStatutoryClock clock) => DueDay(new DateOnly(year + 1, PublishByMonth, PublishByDay), clock);

    private static StatutoryDate DueDay(DateOnly day, IStatutoryClock clock) =>
        clock.IsWorkingDay(day) ? new StatutoryDate(day, []) : clock.Deadline(day, StatutoryPeriod.CalendarDays(1));

    public static string Format(int month, int day) => $"{month:00}-{day:00}";
}

/// <summary>What the settings form and the API send: the two due days as <c>MM-dd</c>.</summary>
public sealed record ReportSettingsInput(long? Version, string? SendBy, string? PublishBy);

public sealed record ReportSettingsView(long Version, string SendBy, string PublishBy);

internal static class ReportSettingsSteps
{
    public static async Task<ReportSettingsView> ViewAsync(IQuerySession session, string township, CancellationToken ct)
    {
        var settings = await ReportSettings.ReadAsync(session, township, ct);
        return new(await SettingsStreams.VersionAsync(session, ReportSettings.StreamId(township), ct),
            ReportSettings.Format(settings.SendByMonth, settings.SendByDay), ReportSettings.Format(settings.PublishByMonth, settings.PublishByDay));
    }

    public static async Task SetAsync(IDocumentSession session, string township, ReportSettingsInput input, string by, DateTimeOffset at, CancellationToken ct)
    {
        var errors = new InputErrors();
        var send = MonthDay(errors, "sendBy", input.SendBy, "报送期限", "send-by day");
        var publish = MonthDay(errors, "publishBy", input.PublishBy, "公开期限", "publish-by day");
        if (send is { } s && publish is { } p && (p.Month, p.Day).CompareTo((s.Month, s.Day)) < 0)
        {
            errors.Add("publishBy", "公开期限不能早于报送期限", "The report cannot be due on the portal before it is due to the county.");
        }

        var change = send is { } a && publish is { } b ? new AnnualReportDueDatesSet(a.Month, a.Day, b.Month, b.Day, by, at) : null;
        await SettingsStreams.SetAsync<ReportSettings>(session, ReportSettings.StreamId(township), input.Version, change, errors, ct);
    }

    // A day of the year after the report's: 02-29 is refused, since most years have none.
    private static (int Month, int Day)? MonthDay(InputErrors errors, string field, string? text, string chinese, string english)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"请填写{chinese}（月-日，如 03-01）", $"Give the {english} as MM-dd, e.g. 03-01.");
            return null;
        }

        if (!DateOnly.TryParseExact($"2001-{text.Trim()}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add(field, $"{chinese}应为“月-日”，如 03-01", $"The {english} is MM-dd, e.g. 03-01.");
            return null;
        }

        return (day.Month, day.Day);
    }
}
