using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Records;

namespace Modular.Modules.OpenGovernment.AnnualReport;

/// <summary>
/// The parts of the annual disclosure report that people write, not the records: 五、存在的主要问题及改进情况 and
/// 六、其他需要报告的事项 (the national format asks there for the information-processing fees charged, among other
/// things). Each save is an event with who wrote it; a later one replaces an earlier one.
/// </summary>
internal sealed record DisclosureReportTextWritten(int Year, string? Problems, string? Other, string By);

internal sealed class DisclosureReportText
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public int Year { get; set; }

    public string? Problems { get; set; }

    public string? Other { get; set; }

    public string WrittenBy { get; set; } = "";

    public static DisclosureReportText Create(DisclosureReportTextWritten e) => new() { Year = e.Year, Problems = e.Problems, Other = e.Other, WrittenBy = e.By };

    public void Apply(DisclosureReportTextWritten e) => (Problems, Other, WrittenBy) = (e.Problems, e.Other, e.By);

    /// <summary>One stream per township and year, found by name.</summary>
    public static Guid StreamFor(string township, int year)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"open-government:disclosure-report-text:{township}:{year}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>What the .docx prints for a part nobody has written yet: said plainly, never a placeholder to fill in.</summary>
    public const string NotWritten = "本部分尚未填写。";
}

/// <summary>The staff form: flat so JSON and the page's form bind the same way.</summary>
internal sealed class WriteReportTextInput
{
    /// <summary>The version read (0 when nothing was written for the year yet).</summary>
    public long? Version { get; set; }

    public string? Problems { get; set; }

    public string? Other { get; set; }
}

internal sealed class WriteReportText(IDocumentSession session, ITownshipContext township, ICurrentUser user, IStatutoryClock clock)
{
    public async Task<DisclosureReportText?> LoadAsync(int year, CancellationToken ct) =>
        await session.LoadAsync<DisclosureReportText>(DisclosureReportText.StreamFor(township.Required.Slug, year), ct);

    public async Task WriteAsync(int year, WriteReportTextInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (year < 2008 || year > clock.Today.Year)
        {
            errors.Add("year", "年份无效", "The year is out of range.");
        }

        var problems = errors.Optional("problems", input.Problems, "存在的主要问题及改进情况", "Problems and improvements", TextLimits.Long);
        var other = errors.Optional("other", input.Other, "其他需要报告的事项", "Other matters", TextLimits.Long);

        // Versioned as a settings stream: the first save starts it, a later one appends at the version read, a stale one is 409.
        var written = errors.Any ? null : new DisclosureReportTextWritten(year, problems, other, user.UserName);
        await SettingsStreams.SetAsync<DisclosureReportText>(session, DisclosureReportText.StreamFor(township.Required.Slug, year), input.Version, written, errors, ct);
    }

    public static async Task<Ok<DisclosureReportText>> EndpointAsync(int year, WriteReportTextInput input, WriteReportText handler, CancellationToken ct)
    {
        await handler.WriteAsync(year, input, ct);
        return TypedResults.Ok((await handler.LoadAsync(year, ct))!);
    }
}
