using System.Globalization;
using System.Net;
using Modular.Benchmarks.OpenGovernment;

namespace Modular.Benchmarks.Mediation;

/// <summary>
/// Three petitions registered and handled through the module's own API in the measured township (every step the
/// generator writes: acceptance, classification, investigation, extension, opinion, both reviews; an objection; a
/// redirection): the rows Marten stores for them are what the generated petition events are compared with.
/// </summary>
internal static class ApiPetitions
{
    public const int Count = 3;

    public static async Task RegisterEveryStepAsync(Api head, string township)
    {
        var on = DateOnly.FromDateTime(DateTime.Now).AddDays(-40);
        string Day(int days) => on.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var root = $"/api/t/{township}/mediation/petitions";

        async Task<Guid> RegisterAsync(string channel) =>
            (await head.PostAsync(root, new
            {
                channel,
                receivedOn = Day(0),
                transferringOffice = channel == "Transferred" ? "赫章县信访局" : null,
                transferReference = channel == "Transferred" ? "赫信转〔基准〕1号" : null,
                name = "张三",
                idNumber = "11010519491231002X",
                phone = "13800138000",
                address = "双河村一组",
                matter = "反映承包地补偿款未足额发放",
            }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        async Task<long> StepAsync(Guid id, long version, string step, Dictionary<string, object?> body)
        {
            body["version"] = version;
            return (await head.PostAsync($"{root}/{id}/{step}", body)).GetProperty("version").GetInt64();
        }

        var full = await RegisterAsync("Visit");
        var v = await StepAsync(full, 1, "acceptance", new() { ["on"] = Day(1) });
        v = await StepAsync(full, v, "classification", new() { ["on"] = Day(1), ["category"] = "Claim" });
        v = await StepAsync(full, v, "investigation", new() { ["on"] = Day(2), ["investigator"] = "李秀英" });
        v = await StepAsync(full, v, "extension", new() { ["on"] = Day(3), ["days"] = 20, ["reason"] = "情况复杂" });
        v = await StepAsync(full, v, "opinion", new() { ["on"] = Day(5), ["outcome"] = "Explained", ["text"] = "答复如下", ["basis"] = "信访工作条例第三十二条" });
        v = await StepAsync(full, v, "review-request", new() { ["on"] = Day(8) });
        v = await StepAsync(full, v, "review-decision", new() { ["on"] = Day(12), ["outcome"] = "Explained", ["text"] = "维持" });
        v = await StepAsync(full, v, "review-request", new() { ["on"] = Day(15) });
        await StepAsync(full, v, "review-decision", new() { ["on"] = Day(20), ["outcome"] = "NotSupported", ["text"] = "维持" });

        var objected = await RegisterAsync("Letter");
        await StepAsync(objected, 1, "objection", new() { ["on"] = Day(1), ["reason"] = "不属本机关职权" });

        var redirected = await RegisterAsync("Transferred");
        var r = await StepAsync(redirected, 1, "acceptance", new() { ["on"] = Day(1) });
        r = await StepAsync(redirected, r, "classification", new() { ["on"] = Day(2), ["category"] = "Claim" });
        await StepAsync(redirected, r, "redirection", new() { ["on"] = Day(3), ["procedure"] = "诉讼", ["text"] = "应通过诉讼解决" });
    }
}
