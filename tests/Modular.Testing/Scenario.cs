using System.Net;
using System.Net.Http.Json;

namespace Modular.Testing;

/// <summary>Builds what a test needs through the admin API: its own township, its own users. Tests never share them.</summary>
public static class Scenario
{
    public const string Password = "Clerk-Passw0rd";

    public static string UniqueSlug(string prefix = "t") => $"{prefix}{Guid.NewGuid():N}"[..16];

    public static string UniqueCode() => "520527" + Random.Shared.Next(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<string> CreateTownshipAsync(HttpClient admin, params string[] modules)
    {
        var slug = UniqueSlug();
        var response = await admin.PostAsJsonAsync("/api/admin/townships", new { slug, name = "测试镇" + slug[^4..], code = UniqueCode(), countyCode = "520527", countyName = "赫章县" });
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return await CreateTownshipAsync(admin, modules); // a random code collided; draw again
        }

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        foreach (var module in modules)
        {
            await SetModuleAsync(admin, slug, module, true);
        }

        return slug;
    }

    public static async Task SetModuleAsync(HttpClient admin, string slug, string module, bool enabled)
    {
        var response = await admin.PutAsJsonAsync($"/api/admin/townships/{slug}/modules/{module}", new { enabled });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Creates a user holding <paramref name="roles"/> in <paramref name="township"/>, and returns their name.</summary>
    public static async Task<string> CreateUserAsync(HttpClient admin, string township, params string[] roles)
    {
        var userName = UniqueSlug("u");
        var created = await admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = "测试用户", password = Password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var granted = await admin.PutAsJsonAsync($"/api/admin/users/{userName}/grants", new { grants = new Dictionary<string, string[]> { [township] = roles } });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        return userName;
    }
}
