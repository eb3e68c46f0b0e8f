using System.Net;

namespace Modular.Resilience.Tests.Corpus;

/// <summary>
/// Sends probes and keeps every answer that breaks a rule, so one run names all the failing cases at once instead of
/// the first. The rules every answer keeps: never a 5xx, and every error is <c>application/problem+json</c>.
/// </summary>
internal sealed class ProbeRunner
{
    private readonly List<string> _violations = [];

    public IReadOnlyList<string> Violations => _violations;

    public int Sent { get; private set; }

    /// <summary>The probes the host accepted (2xx): for the text kinds, the fields that stored what they were sent.</summary>
    public List<Probe> Accepted { get; } = [];

    /// <summary>Sends <paramref name="probe"/>, checks the general rules and <paramref name="expect"/>, and returns the answer's status.</summary>
    public async Task<HttpStatusCode?> SendAsync(Probe probe, Func<HttpStatusCode, string?>? expect = null)
    {
        Sent++;
        HttpResponseMessage response;
        try
        {
            using var request = probe.Request();
            response = await probe.Client.SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or FormatException)
        {
            // The client refused to send it (e.g. a header it cannot encode): not an answer of the host.
            Figures.Add("probes the client could not send");
            return null;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            Figures.Answer(status);
            if (status is >= 200 and < 300)
            {
                Accepted.Add(probe);
            }
            var body = await response.Content.ReadAsStringAsync();
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (status >= 500)
            {
                Fail(probe, response, body, "a server error");
            }
            else if (status >= 400 && mediaType != "application/problem+json")
            {
                Fail(probe, response, body, $"an error that is not problem details ({mediaType ?? "no content type"})");
            }

            if (status == 400 && probe.NamesField is { } field && !NamesField(body, field))
            {
                Fail(probe, response, body, $"a refusal that does not name {field} in its errors");
            }

            if (expect?.Invoke(response.StatusCode) is { } broken)
            {
                Fail(probe, response, body, broken);
            }

            return response.StatusCode;
        }
    }

    public async Task RunAsync(IEnumerable<Probe> probes, Func<HttpStatusCode, string?>? expect = null)
    {
        foreach (var probe in probes)
        {
            await SendAsync(probe, expect);
        }
    }

    /// <summary>Fails the test with every broken rule, grouped so a defect on 40 endpoints reads as one line per endpoint.</summary>
    public void AssertClean(ITestOutputHelper output, string what)
    {
        output.WriteLine($"{what}: {Sent} requests, {_violations.Count} broke a rule");
        foreach (var violation in _violations.Take(200))
        {
            output.WriteLine(violation);
        }

        Assert.True(_violations.Count == 0, $"{what}: {_violations.Count} of {Sent} answers broke a rule:\n" + string.Join('\n', _violations.Take(60)));
    }

    /// <summary>The field by its key, or by its last name where a module names its fields without their parent's.</summary>
    private static bool NamesField(string body, string field)
    {
        try
        {
            using var problem = System.Text.Json.JsonDocument.Parse(body);
            if (!problem.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != System.Text.Json.JsonValueKind.Object)
            {
                return false;
            }

            var last = field[(field.LastIndexOfAny(['.', ']']) + 1)..];
            return errors.EnumerateObject().Any(e => e.Name == field || e.Name.EndsWith("." + last, StringComparison.OrdinalIgnoreCase)
                || string.Equals(e.Name, last, StringComparison.OrdinalIgnoreCase));
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private void Fail(Probe probe, HttpResponseMessage response, string body, string rule) =>
        _violations.Add($"{probe} → {(int)response.StatusCode}: {rule}; body: {Probe.Shorten(body.ReplaceLineEndings(" "))}");
}
