using System.Net;
using System.Net.Http.Json;

namespace Modular.Benchmarks;

/// <summary>
/// Prepares the authenticated read through the host's own API, as an administrator would: a township with the
/// notebook enabled, a clerk, the clerk's session cookie, and matters recorded by the clerk.
/// </summary>
internal static class PlatformSetup
{
    public const string Township = "bench";
    public const string Clerk = "benchclerk";
    private const string ClerkPassword = "Clerk-Passw0rd";

    /// <summary>Returns the clerk's <c>Cookie</c> header value.</summary>
    public static async Task<string> PrepareAsync(Uri host, string adminPassword, int matters)
    {
        using var admin = SignedInClient(host, out _);
        await ExpectAsync(await admin.PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = adminPassword }), HttpStatusCode.NoContent);
        await ExpectAsync(await admin.PostAsJsonAsync("/api/admin/townships",
            new { slug = Township, name = "基准测试镇", code = "520527199001", countyCode = "520527", countyName = "赫章县" }), HttpStatusCode.Created);
        await ExpectAsync(await admin.PutAsJsonAsync($"/api/admin/townships/{Township}/modules/notebook", new { enabled = true }), HttpStatusCode.OK);
        await ExpectAsync(await admin.PostAsJsonAsync("/api/admin/users", new { userName = Clerk, displayName = "基准测试文书", password = ClerkPassword }), HttpStatusCode.Created);
        await ExpectAsync(await admin.PutAsJsonAsync($"/api/admin/users/{Clerk}/grants",
            new { grants = new Dictionary<string, string[]> { [Township] = ["notebook.clerk"] } }), HttpStatusCode.OK);

        using var clerk = SignedInClient(host, out var cookies);
        await ExpectAsync(await clerk.PostAsJsonAsync("/api/auth/login", new { userName = Clerk, password = ClerkPassword }), HttpStatusCode.NoContent);
        // Recorded over the last days, every third with a phone: a ledger as a township clerk's looks after a few weeks.
        var today = Modular.Kit.TownshipTime.Today(TimeProvider.System);
        for (var i = 1; i <= matters; i++)
        {
            var title = $"第{i:D3}件：村委会换届选举材料报送镇司法所备案 / matter {i:D3}";
            var openedOn = Modular.Kit.TownshipTime.Format(today.AddDays(-(i % 30)));
            var phone = i % 3 == 0 ? $"138{i:D8}" : null;
            await ExpectAsync(await clerk.PostAsJsonAsync($"/api/t/{Township}/notebook/matters", new { title, openedOn, phone }), HttpStatusCode.Created);
        }

        return cookies.GetCookieHeader(host);
    }

    private static HttpClient SignedInClient(Uri host, out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = host };
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            if (response.StatusCode != expected)
            {
                throw new InvalidOperationException(
                    $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }
}
