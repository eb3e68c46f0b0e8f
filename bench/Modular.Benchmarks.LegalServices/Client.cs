using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Modular.Benchmarks.LegalServices;

/// <summary>A signed-in API client with its cookie: setup calls, register imports, and a sequential read loop.</summary>
internal sealed class Client : IDisposable
{
    private readonly CookieContainer _cookies;
    private readonly HttpClient _client;
    private readonly Uri _host;

    private Client(Uri host, CookieContainer? cookies = null)
    {
        _host = host;
        _cookies = cookies ?? new CookieContainer();
        _client = new HttpClient(new SocketsHttpHandler { CookieContainer = _cookies, UseCookies = true, AllowAutoRedirect = false, MaxConnectionsPerServer = 32 })
        {
            BaseAddress = host,
            Timeout = TimeSpan.FromMinutes(5),
        };
    }

    public string CookieHeader => _cookies.GetCookieHeader(_host);

    public static async Task<Client> SignInAsync(Uri host, string userName, string password)
    {
        var client = new Client(host);
        await client.SendAsync(HttpMethod.Post, "/api/auth/login", new { userName, password });
        return client;
    }

    /// <summary>
    /// The same signed-in user on another host of the same database (the session cookie is shared by every host, and a
    /// cookie belongs to an address, not a port): the hosts behind a proxy, addressed one by one.
    /// </summary>
    public Client On(Uri host) => new(host, _cookies);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object body, bool ensure = true)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        if (ensure && !response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    public Task<string> GetStringAsync(string path) => _client.GetStringAsync(path);

    public async Task ImportAsync(string path, byte[] workbook)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(workbook), "file", "register.xlsx" } };
        var response = await _client.PostAsync(path, form);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"import {path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 2000)]}");
        }
    }

    /// <summary>Every path once, one after another, per round: the round's total time, its median and worst over the rounds.</summary>
    public async Task<(double P50, double P99, int Errors, double Others)> SequentialAsync(IReadOnlyList<string> paths, int rounds, Modular.Benchmarks.OtherWork others)
    {
        var before = others.Take();
        var totals = new List<double>();
        var errors = 0;
        for (var round = 0; round < rounds; round++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var path in paths)
            {
                using var response = await _client.GetAsync(path);
                errors += response.IsSuccessStatusCode ? 0 : 1;
                await response.Content.ReadAsByteArrayAsync();
            }

            totals.Add(clock.Elapsed.TotalMilliseconds);
        }

        totals.Sort();
        return (totals[totals.Count / 2], totals[^1], errors, Modular.Benchmarks.OtherWork.Share(before, others.Take()));
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>Clerks registering consultations at once, each signed in as themself, closed loop: every answer is timed.</summary>
internal static class Register
{
    public static async Task<(double PerSecond, double P50, double P99, int Errors, double Others)> RunAsync(
        Uri host, string slug, int clerks, string password, int seconds, Modular.Benchmarks.OtherWork others)
    {
        var signedIn = new List<Client>();
        for (var c = 0; c < clerks; c++)
        {
            signedIn.Add(await Client.SignInAsync(host, $"clerk{c:D2}", password));
        }

        var latencies = new List<double>[clerks];
        var errors = 0;
        var before = others.Take();
        var clock = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(signedIn.Select(async (client, c) =>
        {
            latencies[c] = [];
            var n = 0;
            while (clock.Elapsed < until)
            {
                var started = clock.Elapsed;
                var body = new
                {
                    channel = "Hall",
                    topic = "LabourWages",
                    name = $"来访{c}-{n++}",
                    phone = "13985012345",
                    village = "双河村",
                    question = "工地老板拖欠工资三个月，应当怎么办？",
                };
                using var response = await client.SendAsync(HttpMethod.Post, $"/api/t/{slug}/legal-services/consultations", body, ensure: false);
                latencies[c].Add((clock.Elapsed - started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        foreach (var client in signedIn)
        {
            client.Dispose();
        }

        return (all.Count / elapsed, all[all.Count / 2], all[(int)Math.Min(all.Count - 1, Math.Ceiling(all.Count * 0.99) - 1)], errors, Modular.Benchmarks.OtherWork.Share(before, others.Take()));
    }
}
