using Marten;
using Modular.Contracts.LegalServices;
using Modular.Contracts.PersonalData;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.Records;
using static Modular.Kit.Text;
using static Modular.Modules.LegalServices.Consultations.ConsultationVocabulary;

namespace Modular.Modules.LegalServices.Consultations;

/// <summary>A consultation as staff see it: ID number, phone and address masked; its deadline, if its channel has one.</summary>
internal sealed record ConsultationView(
    Guid Id,
    long Version,
    string Number,
    string Channel,
    string ChannelLabel,
    string Topic,
    string TopicLabel,
    string Name,
    string? IdNumber,
    string? Phone,
    string Village,
    string? Address,
    string Question,
    DateTimeOffset ReceivedAt,
    string State,
    string StateLabel,
    bool IsOpen,
    bool Imported,
    ConsultationDeadline? Deadline,
    string? Answer,
    DateTimeOffset? OpinionPromisedAt,
    string? OpinionNote,
    string? Opinion,
    string? Window,
    string? WindowLabel,
    string? RoutingNote,
    DateTimeOffset? ClosedAt,
    string? ClosedBy,
    IReadOnlyList<string> Allowed);

/// <summary>The register's filters; every one optional. Dates bound the day of receipt.</summary>
internal sealed record ConsultationFilter(
    ConsultationChannel? Channel, ConsultationTopic? Topic, ConsultationState? State, ServiceWindow? Window, DateOnly? From, DateOnly? To, bool OpenOnly, bool OverdueOnly)
{
    public static ConsultationFilter None { get; } = new(null, null, null, null, null, null, false, false);

    /// <summary>Reads the filters as the query string gives them; a bad one is a named error.</summary>
    public static ConsultationFilter Read(InputErrors errors, string? channel, string? topic, string? state, string? window, string? from, string? to, bool? open, bool? overdue)
    {
        var start = errors.Day("from", from);
        var end = errors.Day("to", to);
        if (start is { } a && end is { } b && b < a)
        {
            errors.Add("to", "结束日期不能早于开始日期", "The end cannot precede the start.");
        }

        return new(
            errors.Choice<ConsultationChannel>("channel", channel, "咨询渠道", "channel", required: false),
            errors.Choice<ConsultationTopic>("topic", topic, "咨询类别", "topic", required: false),
            errors.Choice<ConsultationState>("state", state, "办理结果", "outcome", required: false),
            errors.Choice<ServiceWindow>("window", window, "转办窗口", "window", required: false),
            start, end, open == true, overdue == true);
    }

    /// <summary>The filters as a query string, for the pager's links and the export.</summary>
    public string Query() => string.Join("&", new[]
    {
        Channel is { } c ? $"channel={c}" : null,
        Topic is { } t ? $"topic={t}" : null,
        State is { } s ? $"state={s}" : null,
        Window is { } w ? $"window={w}" : null,
        From is { } f ? $"from={f:yyyy-MM-dd}" : null,
        To is { } e ? $"to={e:yyyy-MM-dd}" : null,
        OpenOnly ? "open=true" : null,
        OverdueOnly ? "overdue=true" : null,
    }.Where(p => p is not null));
}

internal sealed record ConsultationListPage(IReadOnlyList<ConsultationView> Rows, long Total, int Page, int PageSize);

/// <summary>Reads consultations for staff, always through the personal-data guard. Another township's is not found.</summary>
internal sealed class ConsultationQueries(IQuerySession session, ConsultationClock clock, IPersonalDataGuard guard)
{
    public const int PageSize = 50;

    public async Task<ConsultationListPage> ListAsync(ConsultationFilter filter, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, int.MaxValue / PageSize);
        var query = await FilteredAsync(filter, ct);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.ReceivedAt).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return new ConsultationListPage([.. rows.Select(View)], total, page, PageSize);
    }

    /// <summary>Every consultation matching the filter, oldest first, for the Excel export.</summary>
    public async Task<IReadOnlyList<Consultation>> AllAsync(ConsultationFilter filter, CancellationToken ct) =>
        await (await FilteredAsync(filter, ct)).OrderBy(c => c.ReceivedAt).ToListAsync(ct);

    public Task<Consultation?> LoadAsync(Guid id, CancellationToken ct) => session.LoadAsync<Consultation>(id, ct);

    public async Task<ConsultationView?> GetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) is { } c ? View(c) : null;

    public Task<IReadOnlyList<TimelineEntry>?> TimelineAsync(Guid id, CancellationToken ct) => Timeline.ReadAsync<Consultation>(session, id, Describe, ct);

    /// <summary>
    /// Open letters and online messages past their deadline. Open ones with a clock are few at any time (most matters are
    /// answered as they come), so the letters' working-day deadlines are counted here rather than stored.
    /// </summary>
    public async Task<IReadOnlyList<Consultation>> OpenWithClockAsync(CancellationToken ct) =>
        await session.Query<Consultation>()
            .Where(c => c.IsOpen && (c.Channel == ConsultationChannel.Letter || c.Channel == ConsultationChannel.Online))
            .OrderBy(c => c.ReceivedAt)
            .ToListAsync(ct);

    public ConsultationView View(Consultation c) => new(
        c.Id, c.Version, c.Number, c.Channel.ToString(), T(Label(c.Channel)), c.Topic.ToString(), T(Label(c.Topic)), c.Name,
        Masked(PersonalDataKind.IdNumber, c.IdNumber), Masked(PersonalDataKind.PhoneNumber, c.Phone), c.Village, Masked(PersonalDataKind.Address, c.Address),
        c.Question, c.ReceivedAt, c.State.ToString(), T(Label(c.State)), c.IsOpen, c.Imported, clock.Of(c), c.Answer, c.OpinionPromisedAt, c.OpinionNote,
        c.Opinion, c.Window?.ToString(), c.Window is { } w ? T(Label(w)) : null, c.RoutingNote, c.ClosedAt, c.ClosedBy, Consultation.Steps.Allowed(c));

    private string? Masked(PersonalDataKind kind, string? value) => value is null ? null : guard.Mask(kind, value);

    private async Task<IQueryable<Consultation>> FilteredAsync(ConsultationFilter filter, CancellationToken ct)
    {
        IQueryable<Consultation> query = session.Query<Consultation>();
        if (filter.Channel is { } channel)
        {
            query = query.Where(c => c.Channel == channel);
        }

        if (filter.Topic is { } topic)
        {
            query = query.Where(c => c.Topic == topic);
        }

        if (filter.State is { } state)
        {
            query = query.Where(c => c.State == state);
        }

        if (filter.Window is { } window)
        {
            query = query.Where(c => c.Window == window);
        }

        if (filter.From is { } from)
        {
            query = query.Where(c => c.ReceivedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(c => c.ReceivedOn <= to);
        }

        if (filter.OpenOnly)
        {
            query = query.Where(c => c.IsOpen);
        }

        if (filter.OverdueOnly)
        {
            var overdue = (await OpenWithClockAsync(ct)).Where(c => clock.Of(c) is { Overdue: true }).Select(c => c.Id).ToArray();
            query = query.Where(c => overdue.Contains(c.Id));
        }

        return query;
    }

    // The timeline's words: what happened, never personal data (the audit trail is read by the township admin).
    private static string Describe(object e) => e switch
    {
        ConsultationRegistered r => T($"登记：{Label(r.Channel).Chinese}，{Label(r.Topic).Chinese}{(r.Imported ? "（导入）" : "")}", $"Registered: {Label(r.Channel).English}, {Label(r.Topic).English}{(r.Imported ? " (imported)" : "")}"),
        ConsultationAnswered a => T($"解答（{TownshipTime.Format(a.At)}）", $"Answered ({TownshipTime.Format(a.At)})"),
        WrittenOpinionPromised p => T($"转书面答复（{TownshipTime.Format(p.At)}）", $"Written opinion to follow ({TownshipTime.Format(p.At)})"),
        WrittenOpinionGiven g => T($"出具书面意见（{TownshipTime.Format(g.At)}）", $"Written opinion given ({TownshipTime.Format(g.At)})"),
        ConsultationRouted r => T($"转{Label(r.Window).Chinese}窗口（{TownshipTime.Format(r.At)}）", $"Routed to {Label(r.Window).English} ({TownshipTime.Format(r.At)})"),
        ConsultationRoutedToMediation => T("已移交人民调解（矛盾纠纷多元化解）", "Handed to people's mediation"),
        _ => e.GetType().Name,
    };
}
