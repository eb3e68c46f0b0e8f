using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Modular.Benchmarks.OpenGovernment;
using Modular.Host.Storage;

namespace Modular.Benchmarks.LawStudy;

/// <summary>
/// The exam burst: <c>--staff</c> people of one township (200) start the same exam within <c>--spread</c> seconds (60),
/// each answers as they go, saving what they chose every <c>--save-every</c> seconds (30) for <c>--sitting</c> seconds,
/// then submits; all of it through the real host binary over HTTP on this machine. Reports requests/s, p50/p99 of start,
/// save and submit, errors, and whether every saved answer is in the scored attempt. Writes <c>bench/law-study-results.md</c>.
/// </summary>
internal static class Program
{
    private const string AdminPassword = "Bench-Admin-Passw0rd";
    private const string UserPassword = "Bench-User-Passw0rd";
    private const string Slug = "burst";

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).DefaultIfEmpty(fallback).First();
        var staff = Option("--staff", 200);
        var spread = Option("--spread", 60);
        var saveEvery = Option("--save-every", 30);
        var sitting = Option("--sitting", 150);
        if (!File.Exists(BuildPaths.HostAssembly) || !Directory.Exists(Path.Combine(BuildPaths.PluginsRoot, "Modular.Modules.LawStudy")))
        {
            await Console.Error.WriteLineAsync("Build first: dotnet build -c Release bench/Modular.Benchmarks.LawStudy");
            return 2;
        }

        var work = Path.Combine(Path.GetTempPath(), $"modular-bench-law-study-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        var cluster = new LocalPostgresCluster(Path.Combine(work, "postgres"), LocalPostgresCluster.FreePort(), durable: false);
        try
        {
            await cluster.StartAsync("bench");
            var connection = cluster.ConnectionString("bench");
            var machine = await Machine.DescribeAsync(connection);
            // Every person signs in from this one address: the per-address limits on sign-ins and anonymous writes
            // (the sign-in is one) would stop the 21st; a township's staff sign in from several offices' addresses.
            var environment = new Dictionary<string, string>
            {
                ["Modular__Security__AnonymousWritesPerAddressPerMinute"] = "100000",
                ["Modular__Security__SignInsPerAddressPerMinute"] = "100000",
                ["Modular__Security__SignInsPerAccountPerMinute"] = "100000",
            };
            await using var host = await HostProcess.StartAsync(connection, BuildPaths.PluginsRoot, AdminPassword, work, "burst", environment);
            Progress($"host ready after {host.ReadyAfter.TotalMilliseconds:F0} ms, modules: {string.Join(", ", host.Modules)}");
            var (examId, people) = await SetUpAsync(host.Address, staff);
            Progress($"{people.Count} people signed in; exam {examId}");

            var busyBefore = await Machine.CpuBusyPercentAsync();
            var loads = new ConcurrentQueue<string>();
            loads.Enqueue(Machine.LoadAverage());
            var samples = new ConcurrentBag<(string Kind, double Ms, bool Ok)>();
            var clock = Stopwatch.StartNew();
            using var sampler = new Timer(_ => loads.Enqueue(Machine.LoadAverage()), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
            var outcomes = await Task.WhenAll(people.Select((p, i) => SitAsync(p, examId, TimeSpan.FromSeconds(spread * (double)i / people.Count), saveEvery, sitting, samples)));
            var seconds = clock.Elapsed.TotalSeconds;
            loads.Enqueue(Machine.LoadAverage());

            // Nothing lost: every answer a save was answered 200 for is the attempt's choice when it was scored.
            var lost = 0;
            var checkedAnswers = 0;
            foreach (var (person, outcome) in people.Zip(outcomes))
            {
                if (outcome.AttemptId is not { } id)
                {
                    continue;
                }

                var scored = await person.GetFromJsonAsync<JsonElement>($"/api/t/{Slug}/law-study/attempts/{id}");
                var chosen = scored.GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("no").GetInt32(), q => q.GetProperty("chosen").GetString());
                foreach (var (no, choice) in outcome.Saved)
                {
                    checkedAnswers++;
                    lost += chosen.GetValueOrDefault(no) == choice ? 0 : 1;
                }

                lost += scored.GetProperty("state").GetString() == "Submitted" ? 0 : 1;
            }

            var report = Report(machine, staff, spread, saveEvery, sitting, seconds, samples.ToList(), lost, checkedAnswers, busyBefore, [.. loads], outcomes.Count(o => o.AttemptId is not null));
            Console.WriteLine(report);
            await File.WriteAllTextAsync(Path.Combine(BuildPaths.RepositoryRoot, "bench", "law-study-results.md"), report);
            return 0;
        }
        finally
        {
            await cluster.StopAsync();
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the stopping cluster: left for the system's temp cleaning.
            }
        }
    }

    private sealed record Outcome(Guid? AttemptId, IReadOnlyDictionary<int, string> Saved);

    private static async Task<(Guid ExamId, List<HttpClient> People)> SetUpAsync(Uri address, int staff)
    {
        using var admin = await Api.SignInAsync(address, "admin", AdminPassword);
        await admin.PostAsync("/api/admin/townships", new { slug = Slug, name = "压测镇", code = "520527199000", countyCode = "520527", countyName = "赫章县" }, HttpStatusCode.Created);
        await admin.PutAsync($"/api/admin/townships/{Slug}/modules/law-study", new { enabled = true });
        await admin.PostAsync("/api/admin/users", new { userName = "organiser", displayName = "考试管理员", password = UserPassword }, HttpStatusCode.Created);
        await admin.PutAsync("/api/admin/users/organiser/grants", new { grants = new Dictionary<string, string[]> { [Slug] = ["law-study.exam-organiser", "law-study.study-clerk"] } });
        using var organiser = await Api.SignInAsync(address, "organiser", UserPassword);

        // The bank through the import, as a county's file arrives: 60 of each kind.
        var csv = new StringBuilder("题库（法律）,题型,题干,选项A,选项B,选项C,选项D,选项E,选项F,答案,解析\r\n");
        for (var i = 0; i < 60; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"民法典,单选题,单选题{i},甲{i},乙{i},丙{i},丁{i},,,B,\r\n");
            csv.Append(CultureInfo.InvariantCulture, $"行政处罚法,多选题,多选题{i},甲{i},乙{i},丙{i},丁{i},,,ACD,\r\n");
            csv.Append(CultureInfo.InvariantCulture, $"信访工作条例,判断题,判断题{i},,,,,,,正确,\r\n");
        }

        using (var upload = new HttpClient { BaseAddress = address })
        {
            upload.DefaultRequestHeaders.Add("Cookie", organiser.CookieHeader);
            using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "bank.csv" } };
            (await upload.PostAsync($"/api/t/{Slug}/law-study/questions/import", form)).EnsureSuccessStatusCode();
        }

        var people = new List<HttpClient>();
        for (var i = 0; i < staff; i++)
        {
            var user = $"staff{i:D3}";
            await admin.PostAsync("/api/admin/users", new { userName = user, displayName = $"工作人员{i}", password = UserPassword }, HttpStatusCode.Created);
            await admin.PutAsync($"/api/admin/users/{user}/grants", new { grants = new Dictionary<string, string[]> { [Slug] = ["law-study.staff-member"] } });
            await organiser.PostAsync($"/api/t/{Slug}/law-study/staff", new { name = $"工作人员{i}", department = $"第{i % 10 + 1}办公室", post = "干部", enforcementPost = false, userName = user, joinedOn = "2020-01-02" }, HttpStatusCode.Created);
            var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
            (await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = UserPassword })).EnsureSuccessStatusCode();
            people.Add(client);
        }

        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var exam = await organiser.PostAsync($"/api/t/{Slug}/law-study/exams", new
        {
            title = "年度学法考试（压测）",
            year = now.Year,
            opensAt = now.AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            closesAt = now.AddHours(6).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            timeLimitMinutes = 60,
            attemptsAllowed = 3,
            passMark = 60,
            excellentMark = 90,
            parts = new object[]
            {
                new { kind = "Single", count = 40, points = 1 },
                new { kind = "Multiple", count = 20, points = 2 },
                new { kind = "TrueFalse", count = 20, points = 1 },
            },
        }, HttpStatusCode.Created);
        return (exam.GetProperty("id").GetGuid(), people);
    }

    /// <summary>One person: starts at their moment, answers the paper evenly over the sitting, saving every so often, then submits.</summary>
    private static async Task<Outcome> SitAsync(HttpClient client, Guid examId, TimeSpan wait, int saveEvery, int sitting, ConcurrentBag<(string, double, bool)> samples)
    {
        await Task.Delay(wait);
        var random = new Random(wait.GetHashCode());
        var (started, startOk) = await TimedAsync(samples, "start", () => client.PostAsync($"/api/t/{Slug}/law-study/my-exams/{examId}/attempts", null));
        if (!startOk)
        {
            return new Outcome(null, new Dictionary<int, string>());
        }

        var attempt = JsonDocument.Parse(started!).RootElement;
        var id = attempt.GetProperty("id").GetGuid();
        var questions = attempt.GetProperty("questions").EnumerateArray()
            .Select(q => (No: q.GetProperty("no").GetInt32(), Kind: q.GetProperty("kind").GetString(), Options: q.GetProperty("options").GetArrayLength())).ToList();
        var saved = new Dictionary<int, string>();
        var saves = Math.Max(1, sitting / saveEvery);
        for (var s = 0; s < saves; s++)
        {
            await Task.Delay(TimeSpan.FromSeconds(saveEvery));
            var batch = questions.Skip(s * questions.Count / saves).Take(((s + 1) * questions.Count / saves) - (s * questions.Count / saves))
                .Select(q => (q.No, Choice: Choose(random, q.Kind, q.Options))).ToList();
            // Now and then the person changes an earlier answer: the save carries it again, the last choice counts.
            if (s > 0 && saved.Count > 0 && random.Next(3) == 0)
            {
                var earlier = saved.Keys.ElementAt(random.Next(saved.Count));
                batch.Add((earlier, Choose(random, questions.First(q => q.No == earlier).Kind, questions.First(q => q.No == earlier).Options)));
            }

            var body = new { answers = batch.Select(b => new { question = b.No, choice = b.Choice }) };
            var (_, ok) = await TimedAsync(samples, "save", () => client.PostAsJsonAsync($"/api/t/{Slug}/law-study/attempts/{id}/answers", body));
            if (ok)
            {
                foreach (var (no, choice) in batch)
                {
                    saved[no] = choice;
                }
            }
        }

        await TimedAsync(samples, "submit", () => client.PostAsync($"/api/t/{Slug}/law-study/attempts/{id}/submit", null));
        return new Outcome(id, saved);
    }

    private static string Choose(Random random, string? kind, int options) => kind switch
    {
        "Multiple" => string.Concat(Enumerable.Range(0, options).Where(_ => random.Next(2) == 0).DefaultIfEmpty(0).Select(i => (char)('A' + i))),
        _ => ((char)('A' + random.Next(options))).ToString(),
    };

    private static async Task<(string? Body, bool Ok)> TimedAsync(ConcurrentBag<(string, double, bool)> samples, string kind, Func<Task<HttpResponseMessage>> send)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await send();
            var body = await response.Content.ReadAsStringAsync();
            samples.Add((kind, clock.Elapsed.TotalMilliseconds, response.IsSuccessStatusCode));
            if (!response.IsSuccessStatusCode)
            {
                Progress($"{kind} answered {(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
            }

            return (body, response.IsSuccessStatusCode);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            samples.Add((kind, clock.Elapsed.TotalMilliseconds, false));
            Progress($"{kind} failed: {error.Message}");
            return (null, false);
        }
    }

    private static string Report(List<(string Name, string Value)> machine, int staff, int spread, int saveEvery, int sitting, double seconds,
        List<(string Kind, double Ms, bool Ok)> samples, int lost, int checkedAnswers, double busyBefore, IReadOnlyList<string> loads, int attempts)
    {
        static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
        var text = new StringBuilder()
            .AppendLine("# Law exam burst (law-study)")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Generated by `dotnet run -c Release --project bench/Modular.Benchmarks.LawStudy` on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Measurements, not tests: nothing is asserted.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"{staff} staff of one township start one exam (40 single × 1 + 20 multiple × 2 + 20 true/false × 1, drawn per attempt) within {spread} s, answer it evenly over {sitting} s saving a batch every {saveEvery} s (now and then changing an earlier answer), then submit, each with their own session, through the real host binary over HTTP on this machine, against a throw-away PostgreSQL cluster on the same machine.")
            .AppendLine()
            .AppendLine("| machine | |")
            .AppendLine("|---|---|");
        foreach (var (name, value) in machine)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| {Machine.BusyLabel} | {busyBefore:F0}% |")
            .AppendLine(CultureInfo.InvariantCulture, $"| load average during the run (sampled every 30 s) | {string.Join("; ", loads)} |")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Burst: {samples.Count} requests in {seconds:F0} s = **{samples.Count / seconds:F1} requests/s** on average (the load is paced like people, not a closed loop); attempts started {attempts} of {staff}.")
            .AppendLine()
            .AppendLine("| request | count | errors | p50 ms | p99 ms | max ms |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var kind in new[] { "start", "save", "submit" })
        {
            var of = samples.Where(s => s.Kind == kind).ToList();
            var sorted = of.Select(s => s.Ms).Order().ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {of.Count} | {of.Count(s => !s.Ok)} | {Percentile(sorted, 0.50):F0} | {Percentile(sorted, 0.99):F0} | {(sorted.Count == 0 ? 0 : sorted[^1]):F0} |");
        }

        return text.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Errors: **{samples.Count(s => !s.Ok)}**. Nothing lost: {checkedAnswers} saved answers checked against the scored attempts, **{lost}** missing or different (a save counts once it was answered 200; an attempt not submitted counts as lost).")
            .AppendLine()
            .AppendLine("Peak save rate: with every person saving every 30 s, 200 people make about 7 saves a second; the start burst is 200 starts in a minute (about 3.3 a second), each drawing and storing an 80-question paper.")
            .ToString();
    }

    private static void Progress(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
