using System.Net;
using System.Text;
using Modular.Resilience.Tests.Corpus;
using Npgsql;

namespace Modular.Resilience.Tests;

/// <summary>
/// Every operation of the OpenAPI document, called as each principal that must not reach it: anonymous, a user of
/// another township, a member of the township without the module's roles, the platform admin (no module role), and a
/// user of a township whose modules are off. Each answers 401, 403 or 404 — never a success — and no township's
/// records change. A user of township B also tries B's route with A's record ids: a record of A is never found in B.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class IsolationMatrixTests(ResiliencePlatform platform, ITestOutputHelper output)
{
    private static readonly HttpStatusCode[] Refused = [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound];

    [Fact]
    public async Task No_principal_reaches_an_operation_it_has_no_right_to_and_none_of_them_writes()
    {
        var world = await platform.WorldAsync();
        var before = await SettledSnapshotAsync(world);
        var runner = new ProbeRunner();
        foreach (var operation in world.Operations.Where(o => o.IsTownshipRoute || o.IsPlatformAdmin))
        {
            var pathA = await world.RoutesA.ResolveAsync(operation.Path);
            var body = world.Bodies.For(operation.BodySchema)?.ToJsonString();
            Func<HttpContent?> content = operation.HasJsonBody ? Probe.Json(body ?? "{}") : () => null;
            Probe As(HttpClient client, string who, string path) => new(operation, who, operation.Method, path, content, client);

            if (operation.IsPlatformAdmin)
            {
                await runner.SendAsync(As(world.Anonymous, "anonymous", pathA), Only(HttpStatusCode.Unauthorized));
                await runner.SendAsync(As(world.FullA, "a township user with every role", pathA), Only(HttpStatusCode.Forbidden));
                continue;
            }

            if (operation.IsRead && operation.RouteParameters.Count == 1 && !operation.IsPublic)
            {
                // The control: a user holding every role of A gets past the gate (an answer, perhaps a 400 for a
                // missing query value), so the refusals below are refusals and not a route the suite got wrong.
                await runner.SendAsync(As(world.FullA, "a user with every role of the township", pathA),
                    status => Refused.Contains(status) ? "the control was refused: the matrix would prove nothing" : null);
            }

            var pathB = InTownship(pathA, world.TownshipA, world.TownshipB);
            var pathC = InTownship(pathA, world.TownshipA, world.TownshipC);
            if (!operation.IsPublic)
            {
                await runner.SendAsync(As(world.Anonymous, "anonymous", pathA), OneOf(Refused));
                await runner.SendAsync(As(world.ForeignB, "a user of another township", pathA), OneOf(Refused));
                if (operation.Module is { } module)
                {
                    await runner.SendAsync(As(world.WithoutModuleRole[module], "a member without the module's roles", pathA), OneOf(Refused));
                    await runner.SendAsync(As(world.Admin, "the platform admin (no module role)", pathA), OneOf(Refused));
                }
            }

            if (operation.Module is not null)
            {
                await runner.SendAsync(As(operation.IsPublic ? world.Anonymous : world.DisabledC, "the module turned off", pathC), Only(HttpStatusCode.NotFound));
            }

            if (HasRecordId(world, operation, pathA))
            {
                // Its own township, someone else's record: not found, whatever the operation.
                await runner.SendAsync(As(operation.IsPublic ? world.Anonymous : world.ForeignB, "another township's record id", pathB), NotASuccess);
            }
        }

        var after = await SettledSnapshotAsync(world);
        Figures.Write(output);
        runner.AssertClean(output, "isolation matrix");
        Assert.Equal(before, after);
    }

    private static Func<HttpStatusCode, string?> Only(HttpStatusCode expected) =>
        status => status == expected ? null : $"expected {(int)expected}";

    private static Func<HttpStatusCode, string?> OneOf(HttpStatusCode[] expected) =>
        status => expected.Contains(status) ? null : $"expected one of {string.Join('/', expected.Select(s => (int)s))}";

    private static string? NotASuccess(HttpStatusCode status) => (int)status is >= 200 and < 300 ? "a success for another township's record" : null;

    private static string InTownship(string path, string from, string to) => path.Replace($"/api/t/{from}/", $"/api/t/{to}/", StringComparison.Ordinal);

    /// <summary>A route that names a record of A by a GUID found in A (not one made up for a missing record).</summary>
    private static bool HasRecordId(ResilienceWorld world, ApiOperation operation, string resolved) =>
        operation.Path.Split('/').Zip(resolved.Split('/'))
            .Any(p => p.First.StartsWith('{') && p.First != "{township}" && Guid.TryParse(p.Second, out _) && world.RoutesA.IsFound(p.Second));

    /// <summary>Rows per township (count and a hash of their whole text), taken a second apart until they stop moving (the projection daemon may still be catching up).</summary>
    private async Task<string> SettledSnapshotAsync(ResilienceWorld world)
    {
        var previous = "";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var now = await SnapshotAsync([world.TownshipA, world.TownshipB, world.TownshipC]);
            if (now == previous)
            {
                return now;
            }

            previous = now;
            await Task.Delay(1000);
        }

        return previous;
    }

    private async Task<string> SnapshotAsync(string[] townships)
    {
        await using var connection = new NpgsqlConnection(platform.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.columns where table_schema = 'modular' and column_name = 'tenant_id' order by table_name", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new StringBuilder();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select tenant_id, count(*), sum(hashtext(x::text)) from modular.\"{table}\" x where tenant_id = any(@t) group by tenant_id order by tenant_id", connection);
            count.Parameters.AddWithValue("t", townships);
            await using var reader = await count.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                snapshot.Append(System.Globalization.CultureInfo.InvariantCulture, $"{table}/{reader.GetString(0)}: {reader.GetInt64(1)} rows, hash {reader.GetValue(2)}\n");
            }
        }

        return snapshot.ToString();
    }
}
