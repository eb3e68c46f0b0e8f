using Modular.Contracts.Extensions;
using Modular.Host.Reports.Steps;
using Modular.Kit.Time;

namespace Modular.Host.Reports;

/// <summary>
/// The demo's 2020 report of 野马川镇: its facts drafted from the demo's records, its judgement parts written from the
/// township's own 2020 summary (reference/township-2020-rule-of-law-summary.txt, 2020年12月16日), then submitted,
/// approved, sent and, with open government enabled, published on the portal. Does nothing once the report exists.
/// </summary>
internal sealed class ReportDemo(AnnualReports reports) : IDemoData
{
    public const int Year = 2020;

    /// <summary>The day the heads approved it, and the date the report carries: the summary's own.</summary>
    public static readonly DateOnly SignedOn = new(2020, 12, 16);

    public static readonly DateOnly SentOn = new(2021, 1, 8);

    public static readonly DateOnly PublishedOn = new(2021, 1, 15);

    public static IReadOnlyDictionary<string, string?> Parts { get; } = new Dictionary<string, string?>
    {
        [ReportStructure.Opening] = "自2015年12月“法治赫章”创建工作启动以来，我镇紧紧围绕“法治赫章”创建工作精神和市“法治毕节”创建工作推进方案要求，牢固树立创新、协调、绿色、开放、共享五大发展理念，以建设职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信的法治政府为目标，以建立健全依法行政体制机制为抓手，全面推动法治政府建设。现将工作开展情况报告如下：",
        [Modular.Contracts.Extensions.AnnualReportChapters.Organisation] =
            "一是强化组织领导，建立健全工作机制。我镇印发了“法治野马川”创建工作方案和领导小组、联席会议文件，建立联席会议，实行工作例会制度、联络联系制度、信息报送制度、督查考核制度等制度。领导小组以党政联席会议、专题会议等形式，积极研究解决依法行政工作中存在的具体困难和问题。\n" +
            "二是出台负面约束指标推动法治政府创建。\n" +
            "三是打造载体营造氛围。镇村两级有法律咨询服务代办点、醒目位置有永久标语、办事窗口有简明宣传单，全面加强法治政府建设宣传工作。",
        [Modular.Contracts.Extensions.AnnualReportChapters.FunctionsByLaw] =
            "严格执行“三定”方案，依法依规履行职责，全面推行政府权责清单制度。落实“一表两单”编制工作，对照清单逐项编制工作流程图，在单位信息公开栏公示的同时在网上公布。实行权责清单动态调整，由司法所牵头，各涉及部门负责对权责清单及时进行动态调整。",
        [Modular.Contracts.Extensions.AnnualReportChapters.DecisionsByLaw] =
            "紧紧抓住“领导干部”这一关键少数，健全完善了《重大行政决策责任追究制度》《重大行政决策风险评估制度》等制度，并严格执行。\n" +
            "落实法律顾问制度，法律顾问为重大行政决策、合同、群众信访答复等进行合法性审查，未经合法性审查或者经审查不合法的，不得提交会议讨论、不得作出决策。\n" +
            "坚持“法定职责必须为、法无授权不可为”，行政执法过程一律亮证执法，利用执法记录仪全过程记录，严格执行执法公示制度，对没有取得执法资质的，一律不安排从事行政执法工作。",
        [Modular.Contracts.Extensions.AnnualReportChapters.SupervisionAndOpenness] =
            "自觉接受党内监督、人大监督、民主监督、司法监督，按要求办理相关建议。落实政务公开制度，坚持“以公开为原则，以不公开为例外”，以政府门户网站为主阵地，按要求公开各类政务信息。",
        [Modular.Contracts.Extensions.AnnualReportChapters.DisputeResolution] =
            "建好公共法律服务中心，开展法律援助和律师代办，以案释法。成立了野马川镇矛盾纠纷多元化解中心，以综治中心为依托，建立全员人口信息云数据管理台帐，分户建档，做到早发现、早预防、早处理。",
        [Modular.Contracts.Extensions.AnnualReportChapters.LegalLiteracy] =
            "制定出台了《政府系统工作人员学法用法制度》《行政执法人员法律培训考核制度》等制度，通过党组中心组、干部职工大会等形式提高政府系统工作人员的法治思维。开展依法行政大讨论活动，扎实推进“法治示范村”建设。",
        [ReportStructure.FirstResponsible] =
            "镇党委、政府主要负责人履行推进法治建设第一责任人职责，担任“法治野马川”创建工作领导小组负责人，召开动员部署会议，以党政联席会议、专题会议等形式研究解决依法行政工作中的具体困难和问题，督促落实法律顾问、合法性审查和执法公示等制度。",
        [ReportStructure.Shortcomings] =
            "我镇在法治政府建设上虽取得了一定成绩，但仍存在部分执法部门思想认识不到位、依法行政理念淡薄、部分执法人员的法律素质与依法行政要求不相适应，执法过程记录、公示还不够全面等问题。",
        [ReportStructure.Plan] =
            "下步工作中，我镇将牢固树立“创新、协调、绿色、开放、共享”的发展理念，以“法治赫章”创建为总抓手，抓好典型引导、落实台帐管理、加强督导考核，全面推进法治政府建设各项工作。",
        [ReportStructure.Other] = "无。",
    };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await reports.LoadAsync(Year, cancellationToken) is not null)
        {
            return;
        }

        // Each step on the day it happened, so the demo's report was sent and published in time: written by the
        // summary's date (2020年12月16日) and approved that day, sent before 3月1日 and published before 4月1日.
        await reports.At(FixedTime.At(new(2020, 12, 14), new(16, 30))).SaveAsync(Year, new SaveReportInput(0, new Dictionary<string, string?>(Parts)), cancellationToken);
        await reports.At(FixedTime.At(new(2020, 12, 15), new(9, 30))).SubmitAsync(Year, 1, cancellationToken);
        await reports.At(FixedTime.At(SignedOn, new(15, 0))).ApproveAsync(Year, 2, cancellationToken);
        await reports.At(FixedTime.At(SentOn, new(10, 0))).SendAsync(Year, 3, cancellationToken);
        var view = await reports.ViewAsync(Year, cancellationToken);
        if (view.PortalEnabled)
        {
            await reports.At(FixedTime.At(PublishedOn, new(10, 0))).PublishAsync(Year, 4, cancellationToken);
        }
    }
}
