using System.Globalization;

namespace Modular.Benchmarks;

/// <summary>
/// How much CPU the rest of the machine used while a window was measured: all CPU time in user and system mode (from
/// <c>/proc/stat</c>) minus that of this run's own processes: this process and the children it has waited for (load
/// generators), the host, and the PostgreSQL cluster (postmaster and backends). On a shared machine this tells a clean
/// window from one that competed with a build or a test run.
/// </summary>
internal sealed class OtherWork(int hostProcessId, string postgresDataDirectory)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux platform .NET runs on

    public readonly record struct Sample(long MachineBusy, long Ours, DateTime At);

    public Sample Take()
    {
        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var busy = Ticks(machine[1]) + Ticks(machine[2]) + Ticks(machine[3]); // user, nice, system (irq time is nobody's)
        var self = Stat(Environment.ProcessId);
        var ours = self is { } s ? Ticks(s[11]) + Ticks(s[12]) + Ticks(s[13]) + Ticks(s[14]) : 0;
        var postmaster = Postmaster();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            if (Stat(pid) is { } stat && (pid == hostProcessId || pid == postmaster || (postmaster != 0 && stat[1] == postmaster.ToString(CultureInfo.InvariantCulture))))
            {
                ours += Ticks(stat[11]) + Ticks(stat[12]);
            }
        }

        return new Sample(busy, ours, DateTime.UtcNow);
    }

    /// <summary>Cores' worth of CPU used by other processes between two samples, as a share of the whole machine.</summary>
    public static double Share(Sample before, Sample after)
    {
        var seconds = (after.At - before.At).TotalSeconds;
        var others = (after.MachineBusy - before.MachineBusy) - (after.Ours - before.Ours);
        return seconds <= 0 ? 0 : Math.Max(0, others / TicksPerSecond / seconds / Environment.ProcessorCount);
    }

    private int Postmaster()
    {
        try
        {
            var first = File.ReadLines(Path.Combine(postgresDataDirectory, "pgdata", "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>The fields of <c>/proc/&lt;pid&gt;/stat</c> after the command name: [0] is field 3 (state), so field n is [n - 3].</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null; // gone meanwhile
        }
    }

    private static long Ticks(string value) => long.Parse(value, CultureInfo.InvariantCulture);
}
