using Modular.Benchmarks.LegalServices;

namespace Modular.Benchmarks.Province;

/// <summary>The run's options (defaults in <see cref="Parse"/>); bench/README.md lists them.</summary>
internal sealed record ProvinceOptions(int Townships, int Hosts, int PerCounty, int Workers, int Batch, int Rounds, int ProvinceRounds, YearVolumes Volumes)
{
    public static ProvinceOptions Parse(string[] args)
    {
        int O(string name, int fallback) => BenchRun.Option(args, name, fallback);
        return new(O("--townships", 1000), O("--hosts", 3), O("--per-county", 30), O("--workers", 4), O("--batch", 12), O("--rounds", 10), O("--province-rounds", 3),
            new YearVolumes(O("--consultations", 40), O("--legal-aid", 20), O("--disputes", 20), O("--staff", 30), O("--sessions", 12), O("--publications", 5)));
    }

    /// <summary>The stages at which the province is measured: 30, 300 and 1,000 townships, as far as <see cref="Townships"/> goes.</summary>
    public int[] Stages => [.. new[] { 30, 300, 1000 }.Where(s => s < Townships).Append(Townships)];
}
