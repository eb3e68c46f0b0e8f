using Modular.Contracts.Modules;

namespace Modular.Contracts.Extensions;

/// <summary>Something that falls due: a reply to a disclosure request, a petition opinion, a certificate check.</summary>
/// <param name="Title">What is due, naming the record (申请 2026-0012 答复).</param>
/// <param name="DueOn">The last day, in the township's calendar (Asia/Shanghai).</param>
/// <param name="Link">The record's page, relative to the township root.</param>
/// <param name="Rule">The rule behind the date, for the reader (政府信息公开条例 第33条: 20个工作日).</param>
public sealed record DueItem(LocalizedText Title, DateOnly DueOn, string Link, LocalizedText Rule);

/// <summary>Lists the open items of the current township that fall due on or before <c>horizon</c>, overdue ones included.</summary>
public interface IDeadlineSource
{
    Task<IReadOnlyList<DueItem>> GetDueItemsAsync(DateOnly horizon, CancellationToken cancellationToken);
}
