using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Modular.Host.Identity.Sessions;

namespace Modular.Host.UnitTests.Identity;

public sealed class CachedTicketFormatTests
{
    [Fact]
    public void A_cookie_is_decrypted_once_and_every_request_gets_its_own_copy_of_the_ticket()
    {
        var inner = new CountingFormat();
        var format = new CachedTicketFormat(inner, new SteppedTime());
        var cookie = inner.Protect(Ticket("王会计"));

        var first = format.Unprotect(cookie)!;
        first.Principal.Identities.First().AddClaim(new Claim("added-by", "one request"));
        first.Properties.Items["changed"] = "by one request";
        var second = format.Unprotect(cookie)!;

        Assert.Equal(1, inner.Unprotected);
        Assert.Equal("王会计", second.Principal.Identity!.Name);
        Assert.Null(second.Principal.FindFirst("added-by"));
        Assert.False(second.Properties.Items.ContainsKey("changed"));
        Assert.NotSame(first.Principal, second.Principal);
    }

    [Fact]
    public void A_forged_cookie_is_tried_every_time_and_never_remembered()
    {
        var inner = new CountingFormat();
        var format = new CachedTicketFormat(inner, new SteppedTime());

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(format.Unprotect("forged-" + i));
            Assert.Null(format.Unprotect("forged-" + i));
        }

        Assert.Equal(6, inner.Unprotected);
        Assert.Equal(0, format.Count);
        Assert.Null(format.Unprotect(null));
    }

    [Fact]
    public void A_ticket_is_decrypted_again_once_its_minute_is_over_and_expired_ones_are_forgotten()
    {
        var inner = new CountingFormat();
        var time = new SteppedTime();
        var format = new CachedTicketFormat(inner, time);
        var cookie = inner.Protect(Ticket("李主任"));

        format.Unprotect(cookie);
        time.Advance(CachedTicketFormat.Lifetime - TimeSpan.FromSeconds(1));
        format.Unprotect(cookie);
        Assert.Equal(1, inner.Unprotected);

        time.Advance(TimeSpan.FromSeconds(2));
        format.Unprotect(cookie);
        Assert.Equal(2, inner.Unprotected);

        time.Advance(CachedTicketFormat.Lifetime * 2);
        format.Unprotect(inner.Protect(Ticket("赵书记")));
        Assert.Equal(1, format.Count);
    }

    [Fact]
    public void A_purpose_goes_straight_to_data_protection()
    {
        var inner = new CountingFormat();
        var format = new CachedTicketFormat(inner, new SteppedTime());
        var cookie = inner.Protect(Ticket("王会计"));

        format.Unprotect(cookie, "another purpose");
        format.Unprotect(cookie, "another purpose");

        Assert.Equal(2, inner.Unprotected);
        Assert.Equal(0, format.Count);
    }

    private static AuthenticationTicket Ticket(string name) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim("sid", "s-" + name)], "Cookies")), "Cookies");

    /// <summary>Stands in for data protection: "ticket:N" is the N-th protected ticket, anything else is forged.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        private readonly List<AuthenticationTicket> _protected = [];

        public int Unprotected { get; private set; }

        public string Protect(AuthenticationTicket data)
        {
            _protected.Add(data);
            return "ticket:" + (_protected.Count - 1);
        }

        public string Protect(AuthenticationTicket data, string? purpose) => Protect(data);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotected++;
            return protectedText is not null && protectedText.StartsWith("ticket:", StringComparison.Ordinal)
                ? _protected[int.Parse(protectedText["ticket:".Length..], System.Globalization.CultureInfo.InvariantCulture)]
                : null;
        }
    }

    private sealed class SteppedTime : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
