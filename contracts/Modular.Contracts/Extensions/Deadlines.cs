using Modular.Contracts.Modules;
using Modular.Contracts.Time;

namespace Modular.Contracts.Extensions;

/// <summary>Something that falls due: a reply to a disclosure request, a petition opinion, a certificate check.</summary>
/// <param name="Title">What is due, naming the record (申请 2026-0012 答复).</param>
/// <param name="DueOn">The last day, in the township's calendar (Asia/Shanghai).</param>
/// <param name="Link">The record's page, relative to the township root.</param>
/// <param name="Rule">The rule behind the date, for the reader (政府信息公开条例 第33条: 20个工作日).</param>
public sealed record DueItem(LocalizedText Title, DateOnly DueOn, string Link, LocalizedText Rule)
{
    /// <summary>The item of a date the statutory clock computed: it keeps the clock's provisional years.</summary>
    public DueItem(LocalizedText title, StatutoryDate dueOn, string link, LocalizedText rule)
        : this(title, (dueOn ?? throw new ArgumentNullException(nameof(dueOn))).Date, link, rule) =>
        UnconfiguredYears = dueOn.UnconfiguredYears;

    /// <summary>Years the date depends on that have no official holiday calendar yet (weekends alone were counted).</summary>
    public IReadOnlyList<int> UnconfiguredYears { get; init; } = [];

    /// <summary>The date may still move when those years' holiday notices are configured: a page says so.</summary>
    public bool IsProvisional => UnconfiguredYears.Count > 0;
}

/// <summary>Lists the open items of the current township that fall due on or before <c>horizon</c>, overdue ones included.</summary>
public interface IDeadlineSource
{
    Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken);
}
