using System.Diagnostics;

namespace Modular.Resilience.Tests;

/// <summary>
/// Samples a process's working set while a part of the suite runs, for the memory budget. In-process cases watch this
/// process (host and client together, so the budget is a little generous for the host); the crash tests watch the
/// child host.
/// </summary>
internal sealed class MemoryWatch : IAsyncDisposable
{
    /// <summary>How much the working set may grow while the hostile corpus runs: a zip bomb must not take more.</summary>
    public const long GrowthBudgetBytes = 1024L * 1024 * 1024;

    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public MemoryWatch(Process? process = null)
    {
        _process = process ?? Process.GetCurrentProcess();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        _process.Refresh();
        Baseline = _process.WorkingSet64;
        Peak = Baseline;
        _sampling = SampleAsync();
    }

    public long Baseline { get; }

    public long Peak { get; private set; }

    public long Growth => Peak - Baseline;

    public static string Megabytes(long bytes) => $"{bytes / (1024 * 1024)} MB";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
        Figures.Max("peak working set (MB)", Peak / (1024 * 1024));
        Figures.Max("peak working-set growth (MB)", Growth / (1024 * 1024));
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                _process.Refresh();
                Peak = Math.Max(Peak, _process.WorkingSet64);
                await Task.Delay(50, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (InvalidOperationException)
            {
                return; // the watched process has exited
            }
        }
    }
}
