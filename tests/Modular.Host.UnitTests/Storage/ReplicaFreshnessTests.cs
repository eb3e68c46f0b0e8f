using System.Diagnostics;
using Modular.Host.Storage;
using NpgsqlTypes;

namespace Modular.Host.UnitTests.Storage;

public sealed class ReplicaFreshnessTests
{
    [Fact]
    public async Task Reads_go_to_the_standby_only_once_it_has_replayed_the_highest_position_announced()
    {
        var replayed = new NpgsqlLogSequenceNumber(100);
        var checks = 0;
        var freshness = new ReplicaFreshness(_ =>
        {
            Interlocked.Increment(ref checks);
            return Task.FromResult<NpgsqlLogSequenceNumber?>(replayed);
        });

        Assert.True(freshness.StandbyCaughtUp()); // nothing announced yet
        Assert.Equal(0, checks);

        freshness.Require(new NpgsqlLogSequenceNumber(200));
        freshness.Require(new NpgsqlLogSequenceNumber(150)); // an older change heard late never lowers it
        Assert.Equal(new NpgsqlLogSequenceNumber(200), freshness.Required);
        Assert.False(freshness.StandbyCaughtUp()); // to the primary; a check starts
        Assert.True(await UntilAsync(() => freshness.Replayed == new NpgsqlLogSequenceNumber(100)));
        Assert.False(freshness.StandbyCaughtUp()); // replayed 100 < 200

        replayed = new NpgsqlLogSequenceNumber(250);
        Assert.True(await UntilAsync(freshness.StandbyCaughtUp));
        var checksSoFar = checks;
        Assert.True(freshness.StandbyCaughtUp());
        Assert.Equal(checksSoFar, checks); // caught up: no more checks
        Assert.True(freshness.ReadsOnPrimaryUntilReplayed >= 2);
        Assert.True(freshness.ReadsFromReplica >= 3);
    }

    [Fact]
    public async Task A_standby_that_cannot_be_asked_keeps_the_reads_on_the_primary()
    {
        var freshness = new ReplicaFreshness(_ => throw new InvalidOperationException("No suitable host was found."));
        freshness.Require(new NpgsqlLogSequenceNumber(1));
        for (var i = 0; i < 5; i++)
        {
            Assert.False(freshness.StandbyCaughtUp());
            await Task.Delay(ReplicaFreshness.CheckInterval);
        }

        Assert.Equal(new NpgsqlLogSequenceNumber(0), freshness.Replayed);
    }

    private static async Task<bool> UntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }
}
