using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Modular.Host.Identity.SignIn;

/// <summary>
/// Sign-in attempts per account name (from everywhere together) and per client address, each in a one-minute sliding
/// window (ASP.NET Core's rate limiters). Checked inside the sign-in itself, since the account name is in the body and
/// both the API and the sign-in page sign in through it.
/// </summary>
internal sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _accounts;
    private readonly PartitionedRateLimiter<string> _addresses;

    public SignInThrottle(IOptions<SecurityOptions> options)
    {
        _accounts = PerMinute(options.Value.SignInsPerAccountPerMinute);
        _addresses = PerMinute(options.Value.SignInsPerAddressPerMinute);
    }

    /// <summary>Null when the attempt may go ahead, otherwise how long to wait.</summary>
    public TimeSpan? Refuse(string userName, string address)
    {
        using var byAddress = _addresses.AttemptAcquire(address);
        if (!byAddress.IsAcquired)
        {
            return RetryAfter(byAddress);
        }

        using var byAccount = _accounts.AttemptAcquire(SignInLock.Normalize(userName));
        return byAccount.IsAcquired ? null : RetryAfter(byAccount);
    }

    public void Dispose()
    {
        _accounts.Dispose();
        _addresses.Dispose();
    }

    private static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : TimeSpan.FromSeconds(10);

    internal static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));
}
