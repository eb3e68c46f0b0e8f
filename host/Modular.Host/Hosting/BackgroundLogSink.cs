using System.Threading.Channels;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace Modular.Host.Hosting;

/// <summary>
/// Writes log events to the platform's sinks (console, rolling files) away from the request's thread, a batch at a
/// time: the request only queues its event, and one pump on the thread pool wakes at most every
/// <see cref="Interval"/> to write everything queued. Serilog.Sinks.Async, used before, kept a dedicated thread per
/// sink that woke for every single event and spin-waited on its blocking queue between them: in the profile of an
/// authenticated read at 1,000 requests/s its two pumps spent 16 % of the host's CPU spinning (bench/results.md).
/// Nothing is dropped: a full queue makes the writer wait, and disposing (the host stopping) writes what is queued.
/// </summary>
internal sealed class BackgroundLogSink : ILogEventSink, IDisposable, IAsyncDisposable
{
    /// <summary>How long an event may wait before it is written: a person tailing the console sees it this late at most.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Channel<LogEvent> _queue;
    private readonly ILogEventSink[] _sinks;
    private readonly Task _pump;

    public BackgroundLogSink(int capacity, params ILogEventSink[] sinks)
    {
        _sinks = sinks;
        _queue = Channel.CreateBounded<LogEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _pump = Task.Run(PumpAsync);
    }

    public void Emit(LogEvent logEvent)
    {
        if (!_queue.Writer.TryWrite(logEvent))
        {
            // Full (the sinks cannot keep up) or completed (the host is stopping): wait for room rather than lose the line.
            try
            {
                _queue.Writer.WriteAsync(logEvent).AsTask().GetAwaiter().GetResult();
            }
            catch (ChannelClosedException)
            {
                // Written after the host stopped logging: nowhere left to write it.
            }
        }
    }

    private async Task PumpAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var logEvent))
            {
                foreach (var sink in _sinks)
                {
                    try
                    {
                        sink.Emit(logEvent);
                    }
                    catch (Exception error)
                    {
                        // A sink that fails (a full disk) must not stop the others or the pump.
                        SelfLog.WriteLine("Log sink {0} failed: {1}", sink.GetType().Name, error);
                    }
                }
            }

            if (!reader.Completion.IsCompleted)
            {
                // The events of the next moment are written together: one wake-up per interval under load, not one per event.
                await Task.Delay(Interval).ConfigureAwait(false);
            }
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _pump.GetAwaiter().GetResult();
        foreach (var sink in _sinks.OfType<IDisposable>())
        {
            sink.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump.ConfigureAwait(false);
        foreach (var sink in _sinks)
        {
            if (sink is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else if (sink is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }
}
