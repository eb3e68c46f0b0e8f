using System.Net;
using Microsoft.AspNetCore.Http;
using Modular.Host.Telemetry;

namespace Modular.Host.UnitTests.Telemetry;

public sealed class MetricsAccessTests
{
    private static readonly MetricsAccess Default = new(new TelemetryOptions.PrometheusSettings());

    private static readonly MetricsAccess Configured = new(new TelemetryOptions.PrometheusSettings
    {
        AllowedNetworks = ["10.20.0.0/24", "192.0.2.7"],
        ScrapeToken = "s3cret-token",
    });

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void The_machine_itself_may_scrape(string address) => Assert.True(Default.Allows(Caller(address)));

    [Theory]
    [InlineData("203.0.113.9")]
    [InlineData("10.20.0.5")]
    [InlineData("192.168.1.10")]
    public void Nobody_else_may_scrape_by_default(string address) => Assert.False(Default.Allows(Caller(address)));

    [Theory]
    [InlineData("X-Forwarded-For")]
    [InlineData("X-Original-For")]
    [InlineData("Forwarded")]
    public void What_a_proxy_on_the_machine_forwards_is_not_the_machine_itself(string header) =>
        Assert.False(Default.Allows(Caller("127.0.0.1", (header, "203.0.113.9"))));

    [Theory]
    [InlineData("10.20.0.5", true)]
    [InlineData("10.20.1.5", false)]
    [InlineData("192.0.2.7", true)]
    [InlineData("192.0.2.8", false)]
    public void The_named_networks_may_scrape(string address, bool allowed) => Assert.Equal(allowed, Configured.Allows(Caller(address)));

    [Theory]
    [InlineData("Bearer s3cret-token", true)]
    [InlineData("Bearer s3cret-tokeN", false)]
    [InlineData("Bearer s3cret-token-longer", false)]
    [InlineData("Basic s3cret-token", false)]
    [InlineData("s3cret-token", false)]
    public void The_token_holder_may_scrape_from_anywhere(string authorization, bool allowed) =>
        Assert.Equal(allowed, Configured.Allows(Caller("203.0.113.9", ("Authorization", authorization), ("X-Forwarded-For", "198.51.100.1"))));

    [Fact]
    public void A_caller_without_an_address_may_not_scrape() => Assert.False(Default.Allows(new DefaultHttpContext()));

    [Fact]
    public void A_setting_that_is_no_network_stops_the_start() =>
        Assert.Throws<InvalidOperationException>(() => new MetricsAccess(new TelemetryOptions.PrometheusSettings { AllowedNetworks = ["intranet"] }));

    private static DefaultHttpContext Caller(string address, params (string Name, string Value)[] headers)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        foreach (var (name, value) in headers)
        {
            http.Request.Headers[name] = value;
        }

        return http;
    }
}
