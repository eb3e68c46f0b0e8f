using System.Globalization;
using System.Net;
using Modular.Benchmarks.OpenGovernment;

namespace Modular.Benchmarks.Mediation;

/// <summary>
/// Five disputes taken in and handled through the module's own API, one per outcome, received this year (after the
/// generated years): the rows Marten stores for them are what the generated events are compared with.
/// </summary>
internal static class ApiDisputes
{
    /// <summary>Their final states (the module's <c>DisputeState</c> numbers): archived, agreed, failed, routed, refused.</summary>
    public static readonly IReadOnlyDictionary<int, int> States = new Dictionary<int, int> { [9] = 1, [4] = 1, [6] = 1, [8] = 1, [7] = 1 };

    public const int Events = 10 + 5 + 6 + 2 + 2;

    public static async Task TakeInEveryOutcomeAsync(Api head, string township)
    {
        var on = DateOnly.FromDateTime(DateTime.Now).AddDays(-20);
        string Day(int days) => on.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var root = $"/api/t/{township}/mediation/disputes";

        async Task<(Guid Id, long Version)> TakeInAsync(string category, string summary, object[] parties) =>
            Read(await head.PostAsync(root, new
            {
                source = "Visit",
                receivedOn = Day(0),
                category,
                village = "双河村",
                summary,
                parties,
                specialGroups = new[] { "ElderlyLivingAlone" },
                risk = "Medium",
            }, HttpStatusCode.Created), 1);

        async Task<long> StepAsync(Guid id, long version, string step, Dictionary<string, object?> body)
        {
            body["version"] = version;
            return (await head.PostAsync($"{root}/{id}/{step}", body)).GetProperty("version").GetInt64();
        }

        object[] People() =>
        [
            new { name = "张三", role = "Applicant", idNumber = "11010519491231002X", phone = "13800138000", address = "双河村一组" },
            new { name = "李四", role = "Respondent" },
        ];

        var (written, v) = await TakeInAsync("Neighbours", "两户因排水沟走向发生争执", People());
        v = await StepAsync(written, v, "start", new() { ["on"] = Day(1), ["basis"] = "Application", ["appliedBy"] = "张三" });
        v = await StepAsync(written, v, "mediator", new() { ["on"] = Day(1), ["mediator"] = "王德明" });
        v = await StepAsync(written, v, "session", new() { ["on"] = Day(2), ["place"] = "调解室", ["participants"] = "双方当事人", ["record"] = "查明事实" });
        v = await StepAsync(written, v, "agreement", new() { ["on"] = Day(3), ["facts"] = "事实", ["matters"] = "争议", ["responsibilities"] = "责任", ["terms"] = "条款", ["performance"] = "履行" });
        v = await StepAsync(written, v, "signature", new() { ["on"] = Day(4) });
        v = await StepAsync(written, v, "court-confirmation", new() { ["on"] = Day(5), ["court"] = "赫章县人民法院" });
        v = await StepAsync(written, v, "performance", new() { ["on"] = Day(6), ["status"] = "Performed", ["note"] = "已履行" });
        v = await StepAsync(written, v, "follow-up", new() { ["on"] = Day(7), ["visitor"] = "王德明", ["note"] = "回访" });
        await StepAsync(written, v, "archive", new() { ["on"] = Day(8), ["fileNumber"] = "野调〔基准〕1号" });

        var (oral, o) = await TakeInAsync("Damages", "牲畜啃食庄稼", People());
        o = await StepAsync(oral, o, "start", new() { ["on"] = Day(1), ["basis"] = "CommitteeInitiative" });
        o = await StepAsync(oral, o, "mediator", new() { ["on"] = Day(1), ["mediator"] = "王德明", ["chosenByParties"] = true });
        o = await StepAsync(oral, o, "session", new() { ["on"] = Day(1), ["place"] = "村委会", ["participants"] = "双方当事人", ["record"] = "当场调解" });
        await StepAsync(oral, o, "oral-agreement", new() { ["on"] = Day(1), ["terms"] = "赔偿800元", ["performance"] = "当场履行" });

        var (failed, f) = await TakeInAsync("LabourWages", "拖欠工资", People());
        f = await StepAsync(failed, f, "start", new() { ["on"] = Day(1), ["basis"] = "Application", ["appliedBy"] = "张三" });
        f = await StepAsync(failed, f, "mediator", new() { ["on"] = Day(1), ["mediator"] = "李秀英" });
        f = await StepAsync(failed, f, "session", new() { ["on"] = Day(2), ["place"] = "调解室", ["participants"] = "双方当事人", ["record"] = "分歧较大" });
        f = await StepAsync(failed, f, "police-report", new() { ["on"] = Day(2), ["station"] = "野马川派出所", ["reason"] = "情绪激动" });
        await StepAsync(failed, f, "failure", new() { ["on"] = Day(3), ["reason"] = "分歧较大", ["routes"] = "可申请仲裁或者诉讼" });

        var (routed, r) = await TakeInAsync("Other", "属信访事项", People());
        await StepAsync(routed, r, "routing", new() { ["on"] = Day(1), ["to"] = "县信访局", ["reason"] = "属信访事项" });

        var (refused, x) = await TakeInAsync("Contracts", "货款争议", People());
        await StepAsync(refused, x, "refusal", new() { ["on"] = Day(1), ["party"] = "李四", ["reason"] = "不愿调解" });
    }

    private static (Guid Id, long Version) Read(System.Text.Json.JsonElement taken, long version) => (taken.GetProperty("id").GetGuid(), version);
}
