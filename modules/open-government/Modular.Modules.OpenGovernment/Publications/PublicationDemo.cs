using System.Globalization;
using System.Net;
using Marten;
using Modular.Contracts.Extensions;
using Modular.Kit;
using Modular.Kit.Time;
using Modular.Modules.OpenGovernment.AnnualReport;

namespace Modular.Modules.OpenGovernment.Publications;

/// <summary>
/// The demo township's portal for 2020, told through the module's own steps on the days they happened: the township's
/// three catalogue categories added, the normative-document register's "none made" entry for 2020 (the summary:
/// 我镇未制定规范性文件), 36 publications drafted, submitted, reviewed and published across the catalogue, and in January
/// 2021 the 2020 government-information disclosure annual report, filled from those records, with its tables attached
/// as the module writes them. Runs only while the township has no publication, so a second start adds nothing.
/// </summary>
internal sealed class PublicationDemo(IDocumentSession session, PublicationWorkflow workflow, NormativeDocuments register, AnnualStatistics statistics, AnnualReportFiles files, Contracts.Caching.ITownshipCache cache)
    : IDemoData
{
    public const int Year = 2020;

    public static readonly DateOnly AnnualReportMadeOn = new(2021, 1, 20);

    private static readonly ReviewInput Passed = new(true, "不涉及国家秘密、工作秘密和个人隐私，同意公开。", true, "内容合法，与现行法律法规不抵触。");

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await session.Query<Publication>().AnyAsync(cancellationToken))
        {
            return;
        }

        var start = At(new DateOnly(Year, 1, 2));
        foreach (var category in PublicationDemoItems.TownshipCategories.Except(await Catalogue.CategoriesAsync(session, cancellationToken)))
        {
            await Catalogue.AddAsync(session, cache, category, "demo", start.GetUtcNow(), cancellationToken);
        }

        foreach (var (category, title, number, office, madeOn, body) in PublicationDemoItems.Year2020)
        {
            await PublishAsync(new PublicationInput(title, category, number, body, madeOn, "proactive", null, office), null, cancellationToken);
        }

        // The statement is made when the year's register is closed, before the disclosure report counts it.
        if ((await register.RegisterForAsync(Year, cancellationToken)) is { Documents.Count: 0, NoneMadeStatement: null })
        {
            await register.At(At(new DateOnly(Year, 12, 16))).DeclareNoneMadeAsync(Year, cancellationToken);
        }

        var report = await statistics.ForYearAsync(Year, cancellationToken);
        var tables = await files.ExcelAsync(Year, cancellationToken);
        await PublishAsync(
            new PublicationInput($"野马川镇{Year}年政府信息公开工作年度报告", PublicationDemoItems.AnnualReports, null, AnnualReportBody(report), AnnualReportMadeOn, "proactive", null,
                "野马川镇党政综合办公室"),
            ($"野马川镇{Year}年政府信息公开工作年度报告统计表.xlsx", tables), cancellationToken);
    }

    /// <summary>The report in the national format's six parts, its figures from the year's records.</summary>
    internal static string AnnualReportBody(AnnualStatisticsReport s)
    {
        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        static string E(string text) => WebUtility.HtmlEncode(text);
        var categories = string.Concat(s.PublicationsByCategory.Select(r => $"<tr><td>{E(r.Label)}</td><td>{N(r.Counts[0])}</td></tr>"));
        var decisions = string.Concat(s.Decisions.Select(r => $"<tr><td>{E(r.Label)}</td><td>{N(r.Counts[0])}</td></tr>"));
        return $"""
            <p>本报告依据《中华人民共和国政府信息公开条例》第五十条和《政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制，统计期限为{s.Year}年1月1日至12月31日。</p>
            <h2>一、总体情况</h2>
            <p>{s.Year}年，本机关以政府门户网站为主阵地主动公开政府信息{N(s.PublicationsByCategory[^1].Counts[0])}条；新收政府信息公开申请{N(s.Total("received"))}件，上年结转{N(s.Total("carried-over"))}件，办结{N(s.Total("results-total"))}件，结转下年度继续办理{N(s.Total("carried-forward"))}件。</p>
            <h2>二、主动公开政府信息情况</h2>
            <table><tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr>
            <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
            <tr><td>行政规范性文件</td><td>{N(s.NormativeIssued)}</td><td>{N(s.NormativeRepealed)}</td><td>{N(s.NormativeInForce)}</td></tr></table>
            <table><tr><th>信息内容</th><th>本年处理决定数量</th></tr>{decisions}</table>
            <table><tr><th>本年主动公开信息（按栏目）</th><th>条数</th></tr>{categories}</table>
            <h2>三、收到和处理政府信息公开申请情况</h2>
            <p>本年新收申请{N(s.Total("received"))}件，办结{N(s.Total("results-total"))}件，结转下年度{N(s.Total("carried-forward"))}件，分类统计见附件。</p>
            <h2>四、政府信息公开行政复议、行政诉讼情况</h2>
            <p>本年度未发生因政府信息公开引起的行政复议、行政诉讼。</p>
            <h2>五、存在的主要问题及改进情况</h2>
            <p>部分栏目更新不够及时，执法过程记录和结果公示还不够全面。下一步将落实信息发布审查制度，按照“以公开为常态、不公开为例外”的要求，及时公开权责清单调整、行政执法和重大决策信息。</p>
            <h2>六、其他需要报告的事项</h2>
            <p>本年度未收取信息处理费。</p>
            """;
    }

    private async Task PublishAsync(PublicationInput input, (string Name, byte[] Bytes)? attachment, CancellationToken ct)
    {
        var madeOn = input.MadeOn!.Value;
        var drafted = await workflow.At(At(madeOn)).DraftAsync(input, ct);
        var version = drafted.Version;
        if (attachment is { } file)
        {
            version = (await workflow.At(At(madeOn)).AddAttachmentAsync(drafted.Id, version, file.Name, file.Bytes, ct))!.Version;
        }

        // Submitted the next day and reviewed the day after: well inside Art 26's 20 working days.
        version = (await workflow.At(At(Later(madeOn, 1))).SubmitAsync(drafted.Id, version, ct))!.Version;
        await workflow.At(At(Later(madeOn, 2))).ApproveAsync(drafted.Id, version, Passed, ct);
    }

    [NotADeadline("a demo record's next step, a day later")]
    private static DateOnly Later(DateOnly day, int days) => day.AddDays(days);

    /// <summary>Ten in the morning, township time, on <paramref name="day"/>.</summary>
    private static FixedTime At(DateOnly day) => FixedTime.OnDay(day);
}
