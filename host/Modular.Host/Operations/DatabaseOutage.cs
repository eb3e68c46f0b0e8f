using System.Net.Sockets;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Modular.Host.Operations;

/// <summary>
/// While PostgreSQL is away every request that needs it answers 503 with <c>Retry-After</c> (problem details for the
/// API, a short bilingual page otherwise) instead of 500. The outage is logged once when it begins and once when it
/// ends, not once per request: a probe asks the database every few seconds until it answers again. Nothing else is
/// needed to recover: Npgsql opens fresh connections as soon as the server is back.
/// </summary>
internal sealed class DatabaseOutage(RequestDelegate next, IDocumentStore store, Storage.ReadReplica replica, ILogger<DatabaseOutage> log)
{
    public const int RetryAfterSeconds = 5;

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(2);

    private int _down;

    /// <summary>Whether <paramref name="exception"/> (or what it wraps) says the database cannot be reached now.</summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    // 57P01–57P03: shut down or starting; 08…: connection failures; 53300: too many connections.
                    return postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300" || postgres.SqlState.StartsWith("08", StringComparison.Ordinal);
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case SocketException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsUnavailable):
                    return true;
            }
        }

        return false;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && IsUnavailable(exception) && !context.RequestAborted.IsCancellationRequested)
        {
            if (replica.Served(context))
            {
                // The read replica failed under this read, not the primary: its idle connections are as dead, so drop
                // them, and the next lag-tolerant read finds the standby refusing and reads the primary instead.
                replica.Forget();
                log.LogWarning("Read replica unavailable under a lag-tolerant read: {Reason}; its reads go to the primary until it answers", exception.GetBaseException().Message);
            }
            else
            {
                Begin(exception);
            }

            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await TypedResults.Problem(new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "数据库暂时不可用 / The database is unavailable.",
                    Detail = $"请在 {RetryAfterSeconds} 秒后重试 / Try again in {RetryAfterSeconds} seconds.",
                    Extensions = { ["correlationId"] = Correlation.Of(context).Id },
                }).ExecuteAsync(context);
            }
            else
            {
                // Not the shell's error page: its layout would ask the database again.
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(
                    "<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>数据库暂时不可用</title>"
                    + $"<h1>数据库暂时不可用</h1><p>请在 {RetryAfterSeconds} 秒后刷新页面。</p><p lang=\"en\">The database is unavailable; reload the page in {RetryAfterSeconds} seconds.</p></html>");
            }
        }
    }

    private void Begin(Exception exception)
    {
        if (Interlocked.Exchange(ref _down, 1) == 1)
        {
            return;
        }

        log.LogError("Database unavailable: {Reason}; answering 503 until it is back", exception.GetBaseException().Message);
        _ = Task.Run(ProbeUntilBackAsync);
    }

    private async Task ProbeUntilBackAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await Task.Delay(ProbeInterval);
            try
            {
                await using var session = store.QuerySession();
                await session.QueryAsync<int>("select 1");
                break;
            }
            catch (Exception probe) when (IsUnavailable(probe))
            {
                // Still away; the next probe follows.
            }
            catch (Exception unexpected)
            {
                log.LogWarning(unexpected, "Database probe failed unexpectedly");
            }
        }

        // Connections opened before the outage are dead; drop them rather than fail one request on each.
        NpgsqlConnection.ClearAllPools();
        Volatile.Write(ref _down, 0);
        log.LogWarning("Database available again after {Seconds:0} s", started.Elapsed.TotalSeconds);
    }
}
