using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Modular.Testing;
using Xunit.Abstractions;

namespace Modular.Modules.Mediation.Tests;

/// <summary>
/// The mediation API against what a careless or hostile client sends: a null body on every endpoint that takes one
/// (the household changes among them), and a zip bomb or a file that is not a workbook on every import.
/// </summary>
[Collection(MediationCollection.Name)]
public sealed class HostileInputTests(MediationPlatform platform, ITestOutputHelper output)
{
    private static readonly string[] Imports = ["disputes/import", "households/import"];

    [Fact]
    public async Task Every_mediation_endpoint_taking_a_json_body_answers_a_null_body_with_400_problem_details()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, MediationPlatform.Module);
        var everything = await EndpointSweep.EverythingClientAsync(platform, admin, slug);
        var endpoints = EndpointSweep.JsonBodyEndpoints(platform.Services).Where(e => e.Pattern.Contains("/mediation/", StringComparison.Ordinal)).ToList();
        Assert.Contains(endpoints, e => e.Method == "PUT" && e.Pattern.EndsWith("/households/{id:guid}", StringComparison.Ordinal));

        var failures = await EndpointSweep.NotRefusedAsync(everything, endpoints, slug, "null", "$");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_zip_bomb_or_a_file_that_is_not_a_workbook_on_every_import_answers_400_problem_details_and_the_host_s_memory_stays_flat()
    {
        var admin = await platform.AdminClientAsync();
        var slug = await Scenario.CreateTownshipAsync(admin, MediationPlatform.Module);
        var everything = await EndpointSweep.EverythingClientAsync(platform, admin, slug);
        var files = new (string Name, byte[] Bytes)[]
        {
            ("bomb", ZipBombs.OneHugeCell(400L * 1024 * 1024)),
            ("lying bomb", ZipBombs.OneHugeCell(100L * 1024 * 1024, declareBytes: 4096)),
            ("csv", "户号,户主\n0001,张三"u8.ToArray()),
            ("old xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]),
        };

        GC.Collect();
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Process.GetCurrentProcess().WorkingSet64);
                await Task.Delay(10);
            }
        });

        var failures = new List<string>();
        foreach (var import in Imports)
        {
            foreach (var (name, bytes) in files)
            {
                using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "台帐.xlsx" } };
                var response = await everything.PostAsync($"/api/t/{slug}/mediation/{import}", form);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                    || JsonDocument.Parse(body).RootElement.GetProperty("rows").GetArrayLength() == 0)
                {
                    failures.Add($"{import} with the {name}: {(int)response.StatusCode} {body}");
                }
            }
        }

        await sampling.CancelAsync();
        await sampler;
        var growth = (peak - baseline) / 1024 / 1024;
        output.WriteLine($"working set {baseline / 1024 / 1024} MB before, peak {peak / 1024 / 1024} MB: +{growth} MB over {Imports.Length * files.Length} hostile imports");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(growth < 200, $"the host grew by {growth} MB");
    }
}
