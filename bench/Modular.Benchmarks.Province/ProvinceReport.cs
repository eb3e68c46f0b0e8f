using Modular.Benchmarks.County;
using Modular.Benchmarks.LegalServices;

namespace Modular.Benchmarks.Province;

/// <summary>The results file's body: what was seeded, then one table with a column per stage (30, 300, 1,000 townships).</summary>
internal static class ProvinceReport
{
    private static readonly string[] Summed =
    [
        "townships", "mediation.disputes-screened", "mediation.disputes-resolved", "legal-services.legal-aid-applications", "legal-services.legal-aid-granted",
    ];

    public static void Write(BenchRun run, IReadOnlyList<StageFigures> stages, int hosts, int perCounty, YearVolumes v, int workers, int batch, int rounds, int provinceRounds, string loadAtStart)
    {
        var last = stages[^1];
        run.Add($"{last.Townships:N0} townships in {last.Counties} counties of {perCounty} (county codes {ProvinceSeed.CountyAt(0).Code}–{ProvinceSeed.CountyAt(last.Counties - 1).Code}), "
            + $"all four modules enabled in each, {hosts} host{(hosts > 1 ? "s" : "")} (`Modular.Host.dll`, Production, no demo) on one database, seeded in stages of "
            + $"{string.Join(", ", stages.Select(s => s.Townships.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))} townships; each stage measured when its townships were in.");
        run.Add("");
        run.Add($"A township's year (this year up to yesterday), each through its module's door: {v.Consultations} consultations and {v.LegalAid} legal-aid applications "
            + $"(the registers' .xlsx imports), {v.Disputes} disputes (the dispute ledger's import), {v.Staff} staff (the roster's import), {v.Sessions} study sessions with "
            + $"their sign-in sheets (the study API) and {v.Publications} publications drafted, submitted and approved (the publications API): "
            + $"{5 + (v.Sessions * 2) + (v.Publications * 3)} requests. Seeded {CountyRegisters.Consultations:N0} consultations, {CountyRegisters.Applications:N0} applications, "
            + $"{CountyRecords.Disputes:N0} disputes, {CountyRecords.Staff:N0} staff, {CountyRecords.Sessions:N0} sessions, {CountyRecords.Publications:N0} publications.");
        run.Add("");
        run.Add($"Seeding: {workers} townships at a time, in batches of {batch}; "
            + (hosts > 1 ? $"the batches alternate between **one host** (every request to host 1) and **all {hosts} hosts** (the townships of the batch spread over them), so both ways meet the same database size and the same machine. " : "every request to the one host. ")
            + "Records are the rows, "
            + "disputes, staff, sessions and publications entered; events the growth of `mt_events.seq_id`. Daemon lag from host 1's `/metrics` every 2 s "
            + "(`modular_daemon_lag`, max over shards; the hosts read it every second). Roll-ups through host 1 by a user holding every county's office, one request at a time: "
            + $"one county's year page and figures API ({rounds} rounds after 3 discarded), and the province as every county's figures API one after the other "
            + $"({provinceRounds} rounds after 1 discarded: the product has no province figure, so the province is the sum over its counties' API).");
        run.Add("");
        var header = string.Join(" | ", stages.Select(s => $"{s.Townships:N0} townships"));
        run.Add($"| | {header} |");
        run.Add($"|---|{string.Concat(stages.Select(_ => "---:|"))}");
        void Row(string what, Func<StageFigures, string> cell) => run.Add($"| {what} | {string.Join(" | ", stages.Select(cell))} |");
        Row("counties", s => $"{s.Counties}");
        Row("townships added in the stage", s => $"{s.Added:N0}");
        Row("registering them (admin API, 4 at a time), wall", s => $"{s.Registered.TotalSeconds:F0} s");
        Row("a township's registration, p50 (worst)", s => $"{s.CreateP50:F0} ms ({s.CreateMax:F0})");
        Row("its four module enablements together, p50", s => $"{s.EnableP50:F0} ms");
        Row("county users created and granted", s => $"{s.Users.TotalSeconds:F1} s");
        Row("the stage's year of work, wall", s => $"{s.Load.TotalSeconds:F0} s");
        Row("through one host: townships, records/s, events/s", s => Mode(s.One));
        if (hosts > 1)
        {
            Row($"through all {hosts} hosts: townships, records/s, events/s", s => Mode(s.Many));
            Row($"{hosts} hosts ÷ one, events/s", s => s.One.EventsPerSecond > 0 && s.Many.EventsPerSecond > 0 ? $"×{s.Many.EventsPerSecond / s.One.EventsPerSecond:F2}" : "–");
        }

        foreach (var step in stages[0].Steps.Select(s => s.Step))
        {
            Row($"a township's year, {step}: ms per township", s => s.Steps.FirstOrDefault(x => x.Step == step) is { Step: not null } x ? $"{x.Total.TotalMilliseconds / s.Added:F0}" : "–");
        }

        Row("events in the store at the end of the stage", s => $"{s.Sequence:N0}");
        Row("daemon: max lag during the load (shard)", s => s.WorstLag is { } w ? $"{w.MaxLag:N0} events ({w.WorstShard})" : "no reading");
        Row("daemon: caught up after the load ended", s => s.CaughtUp is { } c ? $"{c.TotalSeconds:F1} s" : "not within 5 min");
        Row($"county year page `/county/{ProvinceSeed.CountyAt(0).Code}`, p50 (worst)", s => Timing(s.CountyPage));
        Row($"county figures API `/api/county/{ProvinceSeed.CountyAt(0).Code}/figures`, p50 (worst)", s => Timing(s.CountyApi));
        Row("province: every county's figures API in turn, p50 (worst)", s => $"{Timing(s.Province)} for {s.Counties}");
        Row("province roll-up per county", s => $"{s.Province.P50 / s.Counties:F0} ms");
        foreach (var key in Summed)
        {
            Row($"province sum: {key}", s => s.Sums.TryGetValue(key, out var sum) ? $"{sum:N0}" : "–");
        }

        Row("other processes' CPU during the roll-ups (page / API / province)", s => $"{s.CountyPage.Others * 100:F0} / {s.CountyApi.Others * 100:F0} / {s.Province.Others * 100:F0} %");
        Row("`/metrics` of one host, size", s => $"{(s.LastReading?.Bytes ?? 0) / 1024.0:N0} KiB");
        Row("`/metrics`: metrics past the SDK's series limit (an overflow series)", s => s.LastReading is { Overflowing.Count: > 0 } r ? string.Join(", ", r.Overflowing) : "none");
        Row("database size", s => $"{s.DatabaseMegabytes:N0} MiB");
        Row("the stage, wall (registration, seeding, catch-up, roll-ups)", s => $"{s.Stage.TotalSeconds:F0} s");
        Row("load average at the end of the stage", s => s.LoadAverage.Split(' ')[0]);
        run.Add("");
        run.Add($"Errors in the roll-ups: {stages.Sum(s => s.CountyPage.Errors + s.CountyApi.Errors + s.Province.Errors)}. Seeding stops at the first error, so a finished run had none. "
            + $"Load when the run started: {loadAtStart}.");
    }

    private static string Mode(ModeFigures m) => m.Townships == 0 ? "–" : $"{m.Townships}, {m.RecordsPerSecond:F0}, {m.EventsPerSecond:F0}";

    private static string Timing((double P50, double P99, int Errors, double Others) t) => $"{t.P50:F0} ms ({t.P99:F0})";
}
