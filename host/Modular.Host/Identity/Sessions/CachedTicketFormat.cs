using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Modular.Host.Identity.Sessions;

/// <summary>
/// The session cookie's ticket format, remembering what it decrypted: every request of a signed-in user carries the
/// same cookie until it is renewed, and decrypting and verifying it (AES and HMAC through data protection, then the
/// ticket's deserialization) was a tenth of the host's own work per request. A cookie value is looked up as it came;
/// only a value that data protection accepted is remembered, for at most <see cref="Lifetime"/>, at most
/// <see cref="Capacity"/> of them, so a flood of forged cookies costs what it cost before and fills nothing.
/// </summary>
/// <remarks>
/// The ticket's own expiry is still checked by the cookie handler on every request, and whether its session is still
/// open by <see cref="SessionRegistry"/>: signing out works as before. What the memory delays, by up to its lifetime, is
/// a data-protection key revoked by hand. Each request gets its own copy of the principal and properties, since the
/// handler and the session check may change them.
/// </remarks>
internal sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider time) : ISecureDataFormat<AuthenticationTicket>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Remembered> _tickets = new(StringComparer.Ordinal);
    private long _nextSweep;

    public int Count => _tickets.Count;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var now = time.GetTimestamp();
        if (_tickets.TryGetValue(protectedText, out var remembered) && now < remembered.Until)
        {
            return Copy(remembered.Ticket);
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket is not null)
        {
            Remember(protectedText, ticket, now);
        }

        return ticket is null ? null : Copy(ticket);
    }

    private void Remember(string protectedText, AuthenticationTicket ticket, long now)
    {
        if (now >= Interlocked.Read(ref _nextSweep) || _tickets.Count >= Capacity)
        {
            Sweep(now);
        }

        if (_tickets.Count < Capacity)
        {
            _tickets[protectedText] = new Remembered(Copy(ticket), now + (long)(Lifetime.TotalSeconds * time.TimestampFrequency));
        }
    }

    /// <summary>Forgets what has expired; at most once per lifetime unless the memory is full.</summary>
    private void Sweep(long now)
    {
        Interlocked.Exchange(ref _nextSweep, now + (long)(Lifetime.TotalSeconds * time.TimestampFrequency));
        foreach (var (key, value) in _tickets)
        {
            if (value.Until <= now)
            {
                _tickets.TryRemove(key, out _);
            }
        }
    }

    /// <summary>A copy down to the identities (<see cref="ClaimsPrincipal.Clone"/> shares them, and they can be added to).</summary>
    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(new ClaimsPrincipal(ticket.Principal.Identities.Select(identity => identity.Clone())), ticket.Properties.Clone(), ticket.AuthenticationScheme);

    private sealed record Remembered(AuthenticationTicket Ticket, long Until);

    /// <summary>Wraps the format the cookie handler set up (after its own post-configuration, which makes it).</summary>
    internal sealed class Setup(TimeProvider time) : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (name == CookieAuthenticationDefaults.AuthenticationScheme && options.TicketDataFormat is { } format and not CachedTicketFormat)
            {
                options.TicketDataFormat = new CachedTicketFormat(format, time);
            }
        }
    }
}
