using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Modular.Modules.LawStudy.Tests.Enforcement;

internal static class TaskScenario
{
    public static async Task<JsonElement> RecordAsync(HttpClient supervisor, string slug, string kind, string category, string on, string area = Certificates.CertificateScenario.Area)
    {
        var response = await supervisor.PostAsJsonAsync($"/api/t/{slug}/law-study/enforcement/tasks", new { kind, category, area, on, subject = "集镇主街乱倒建筑垃圾", powerItemCode = "CF-002" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> AssignAsync(HttpClient supervisor, string slug, JsonElement task, params Guid[] officers) =>
        supervisor.PostAsJsonAsync($"/api/t/{slug}/law-study/enforcement/tasks/{task.GetProperty("id").GetGuid()}/assignment",
            new { version = task.GetProperty("version").GetInt64(), officers });

    public static async Task<JsonElement> RefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    public static string Messages(JsonElement errors, string field) =>
        errors.TryGetProperty(field, out var messages) ? string.Join(" | ", messages.EnumerateArray().Select(m => m.GetString())) : "";
}
