using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Modular.Resilience.Tests;

/// <summary>
/// The run's figures, kept across every test of the process and written to <see cref="FilePath"/> after each test, so
/// the long command can print them at the end and the report can quote them.
/// </summary>
internal static class Figures
{
    private static readonly ConcurrentDictionary<string, long> Counters = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    public static string FilePath { get; } = Environment.GetEnvironmentVariable("MODULAR_RESILIENCE_FIGURES")
        ?? Path.Combine(AppContext.BaseDirectory, "resilience-figures.txt");

    public static void Add(string name, long by = 1) => Counters.AddOrUpdate(name, by, (_, v) => v + by);

    public static void Max(string name, long value) => Counters.AddOrUpdate(name, value, (_, v) => Math.Max(v, value));

    public static void Answer(int status)
    {
        Add("requests tried");
        Add($"answers {status / 100}xx");
        if (status == 500)
        {
            Add("answers of 500");
        }
    }

    public static string Summary()
    {
        var text = new StringBuilder();
        string[] order = ["requests tried", "hostile inputs", "faults injected", "writes acknowledged", "writes lost", "writes duplicated",
            "answers 2xx", "answers 3xx", "answers 4xx", "answers 5xx", "answers of 500"];
        foreach (var name in order.Concat(Counters.Keys.Except(order).Order(StringComparer.Ordinal)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}: {Counters.GetValueOrDefault(name)}\n");
        }

        return text.ToString();
    }

    public static void Write(ITestOutputHelper output)
    {
        var summary = Summary();
        output.WriteLine(summary);
        lock (Gate)
        {
            File.WriteAllText(FilePath, summary);
        }
    }
}
