using System.Diagnostics;
using System.Globalization;

namespace Modular.Benchmarks.Province;

/// <summary>One reading of the projection daemon's progress as a host's <c>/metrics</c> gave it.</summary>
/// <c>Overflowing</c>: the metrics with an <c>otel_metric_overflow="true"</c> series, i.e. more series than the OpenTelemetry
/// SDK keeps per metric (2,000 by default), the rest folded into that one.
internal sealed record LagReading(TimeSpan At, double MaxLag, string WorstShard, double HighWaterMark, double Sequence, int Bytes, IReadOnlyList<string> Overflowing);

/// <summary>
/// Reads the daemon-lag gauges from one host's Prometheus endpoint every <c>interval</c> while the province is seeded:
/// <c>modular_daemon_lag</c> (per shard: the high-water mark minus the shard's progression), <c>modular_daemon_high_water_mark</c>
/// and <c>modular_events_sequence</c>. The host reads them from the database, so any host reports them, leader or not.
/// The hosts run with <c>Modular__Telemetry__DaemonLagSeconds=1</c>, so a reading is at most about a second old.
/// </summary>
internal sealed class DaemonWatch : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<LagReading> _readings = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public DaemonWatch(Uri host, TimeSpan interval)
    {
        _http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                if (await ReadAsync() is { } reading)
                {
                    lock (_readings)
                    {
                        _readings.Add(reading);
                    }
                }

                try
                {
                    await Task.Delay(interval, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
    }

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>The readings taken between two moments of <see cref="Now"/>.</summary>
    public IReadOnlyList<LagReading> Between(TimeSpan from, TimeSpan to)
    {
        lock (_readings)
        {
            return [.. _readings.Where(r => r.At >= from && r.At <= to)];
        }
    }

    /// <summary>
    /// Waits until a reading shows every shard caught up with the events appended by then (<paramref name="sequence"/>:
    /// the highest sequence number the load wrote) and returns how long after <paramref name="loadEnded"/> that was,
    /// or null when it did not happen within <paramref name="limit"/>.
    /// </summary>
    public async Task<TimeSpan?> CaughtUpAsync(TimeSpan loadEnded, long sequence, TimeSpan limit)
    {
        while (_clock.Elapsed - loadEnded < limit)
        {
            var done = Between(loadEnded, _clock.Elapsed).FirstOrDefault(r => r.MaxLag <= 0 && r.HighWaterMark >= sequence);
            if (done is not null)
            {
                return done.At - loadEnded;
            }

            await Task.Delay(250);
        }

        return null;
    }

    private async Task<LagReading?> ReadAsync()
    {
        try
        {
            var at = _clock.Elapsed;
            var text = await _http.GetStringAsync("/metrics");
            double maxLag = 0, mark = 0, sequence = 0;
            var worst = "";
            var overflowing = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var line in text.AsSpan().EnumerateLines())
            {
                if (line.StartsWith("modular_daemon_lag{"))
                {
                    var value = Value(line);
                    if (value >= maxLag)
                    {
                        maxLag = value;
                        worst = Label(line.ToString(), "shard");
                    }
                }
                else if (line.StartsWith("modular_daemon_high_water_mark{"))
                {
                    mark = Math.Max(mark, Value(line));
                }
                else if (line.Contains("otel_metric_overflow=\"true\"", StringComparison.Ordinal) && !line.StartsWith("#"))
                {
                    overflowing.Add(line[..line.IndexOf('{')].ToString());
                }
                else if (line.StartsWith("modular_events_sequence{"))
                {
                    sequence = Math.Max(sequence, Value(line));
                }
            }

            return new LagReading(at, maxLag, worst, mark, sequence, text.Length, [.. overflowing]);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return null; // a busy host: the next reading will do
        }
    }

    /// <summary>The sample's value: the first field after the closing brace of the labels (a timestamp may follow).</summary>
    private static double Value(ReadOnlySpan<char> line)
    {
        var rest = line[(line.LastIndexOf('}') + 1)..].Trim();
        var end = rest.IndexOf(' ');
        return double.Parse(end < 0 ? rest : rest[..end], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static string Label(string line, string name)
    {
        var start = line.IndexOf($"{name}=\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        start += name.Length + 2;
        return line[start..line.IndexOf('"', start)];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _http.Dispose();
        _stop.Dispose();
    }
}
