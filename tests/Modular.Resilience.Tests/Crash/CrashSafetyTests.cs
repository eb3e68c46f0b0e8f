using System.Diagnostics;
using System.Net;
using Modular.Resilience.Tests.Corpus;

namespace Modular.Resilience.Tests.Crash;

[CollectionDefinition(Name)]
public sealed class HostProcessCollection : ICollectionFixture<HostProcess>
{
    public const string Name = "host process";
}

/// <summary>
/// Crash safety of the built host as a child process: kill -9 under write load, and PostgreSQL stopped immediately
/// with the host running. Every acknowledged write is there exactly once afterwards; the host recovers from the
/// outage by itself. CI runs one round with four clients; <c>./resilience.sh</c> runs several with eight.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class CrashSafetyTests(HostProcess host, ITestOutputHelper output)
{
    private static int Rounds => HostileCorpus.Full ? 5 : 1;

    private static int Clients => HostileCorpus.Full ? 8 : 4;

    private static TimeSpan Outage => HostileCorpus.Full ? TimeSpan.FromSeconds(10) : TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Kill_9_of_the_host_under_write_load_loses_and_duplicates_no_acknowledged_write()
    {
        var load = await UnderLoadAsync(async (_, _) =>
        {
            host.Kill();
            await host.StartAsync();
        });

        var (lost, duplicated, details) = await load.VerifyAsync(host.ConnectionString);
        Report(load, lost, duplicated, details);
        Assert.Empty(details);
    }

    [Fact]
    public async Task PostgreSQL_stopped_immediately_under_write_load_recovers_without_restarting_the_host_and_keeps_every_acknowledged_write()
    {
        var pid = host.Process!.Id;
        var load = await OutageAsync();
        Assert.Equal(pid, host.Process!.Id);
        Assert.False(host.Process.HasExited);
        var (lost, duplicated, details) = await load.VerifyAsync(host.ConnectionString);
        Report(load, lost, duplicated, details);
        Assert.Empty(details);
    }

    [Fact]
    public async Task While_PostgreSQL_is_down_every_answer_is_503_problem_details_with_Retry_After()
    {
        var load = await OutageAsync();
        output.WriteLine(string.Join('\n', load.OutageAnswers.Take(20)));
        Assert.Empty(load.OutageAnswers);
    }

    /// <summary>The database stopped immediately, left down for <see cref="Outage"/>, started; the host must take writes again by itself.</summary>
    private Task<WriteLoad> OutageAsync() => UnderLoadAsync(async (load, round) =>
    {
        load.DatabaseDown = true;
        await host.StopDatabaseImmediatelyAsync();
        await Task.Delay(Outage);
        await host.StartDatabaseAsync();
        load.DatabaseDown = false;
        var recovered = Stopwatch.StartNew();
        var before = load.Acknowledged.Count;
        await load.UntilAcknowledgedAsync(before + 10, TimeSpan.FromSeconds(60));
        Assert.True(load.Acknowledged.Count >= before + 10, $"the host did not take writes again within a minute of the database's return (round {round + 1})");
        output.WriteLine($"round {round + 1}: writes acknowledged again {recovered.ElapsedMilliseconds} ms after the database came back");
        Figures.Max("slowest recovery after the database came back (ms)", recovered.ElapsedMilliseconds);
    });

    /// <summary>
    /// Write load from <see cref="Clients"/> clients with <paramref name="fault"/> injected <see cref="Rounds"/> times,
    /// each after 20 more writes were acknowledged; the load goes on until 10 more are acknowledged after the last.
    /// </summary>
    private async Task<WriteLoad> UnderLoadAsync(Func<WriteLoad, int, Task> fault)
    {
        var (_, township, clients) = await WriteLoad.PrepareAsync(host, Clients);
        var load = new WriteLoad(clients, township);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(stop.Token);
        for (var round = 0; round < Rounds; round++)
        {
            await load.UntilAcknowledgedAsync(load.Acknowledged.Count + 20, TimeSpan.FromSeconds(30));
            await fault(load, round);
        }

        var afterFaults = load.Acknowledged.Count;
        await load.UntilAcknowledgedAsync(afterFaults + 10, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await running;
        Assert.True(load.Acknowledged.Count > afterFaults, "no write was acknowledged after the last fault");
        using var probe = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/live")).StatusCode);
        return load;
    }

    private void Report(WriteLoad load, int lost, int duplicated, List<string> details)
    {
        Figures.Add("writes lost", lost);
        Figures.Add("writes duplicated", duplicated);
        output.WriteLine($"acknowledged {load.Acknowledged.Count}, unacknowledged {load.Unacknowledged.Count}, lost {lost}, duplicated {duplicated}; answers {WriteLoad.Describe(load.Statuses)}");
        foreach (var detail in details.Take(50))
        {
            output.WriteLine(detail);
        }

        Figures.Write(output);
    }
}
