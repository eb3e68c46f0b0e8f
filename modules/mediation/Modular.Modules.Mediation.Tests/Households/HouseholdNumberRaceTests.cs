using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using Npgsql;
using static Modular.Modules.Mediation.Tests.Households.HouseholdScenario;

namespace Modular.Modules.Mediation.Tests.Households;

/// <summary>
/// A 户号 is on the ledger once even when an import brings the number a registrar draws at the same instant: both
/// claim it in their transaction, the database lets one through, and the registrar draws again or the import is refused.
/// Records saved before the claims existed get theirs at the next start.
/// </summary>
[Collection(MediationCollection.Name)]
public sealed class HouseholdNumberRaceTests(MediationPlatform platform)
{
    [Fact]
    public async Task An_import_and_a_registration_taking_the_same_household_number_at_the_same_instant_never_both_hold_it_in_twenty_rounds()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var next = 1;
        var imported = 0;
        for (var round = 0; round < 20; round++)
        {
            var number = next.ToString("D4", CultureInfo.InvariantCulture);
            var file = Xlsx.Write(Xlsx.LedgerHeader, Xlsx.LedgerRow(number, "导入户主", "户主", IdNumber(301 + (2 * round))));
            var answers = await Races.AtOnceAsync(2, i => i == 0
                ? registrar.PostAsJsonAsync($"/api/t/{slug}/mediation/households", Household("登记户主", IdNumber(300 + (2 * round))))
                : ImportAsync(registrar, slug, file));

            Assert.True(answers[0].StatusCode == HttpStatusCode.Created, await answers[0].Content.ReadAsStringAsync());
            var drawn = (await answers[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
            if (answers[1].StatusCode == HttpStatusCode.OK)
            {
                imported++;
                Assert.NotEqual(number, drawn);
            }
            else
            {
                Assert.Equal(number, drawn);
                var errors = await Petitions.PetitionScenario.ErrorsAsync(answers[1]);
                Assert.Contains(errors.Values.SelectMany(v => v), m => m.Contains($"户号 {number}", StringComparison.Ordinal));
            }

            next = int.Parse(drawn, CultureInfo.InvariantCulture) + 1;
        }

        var numbers = (await registrar.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/households")).GetProperty("rows").EnumerateArray()
            .Select(r => r.GetProperty("number").GetString()).ToList();
        Assert.Equal(20 + imported, numbers.Count);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public async Task Households_saved_before_their_keys_were_claimed_get_their_claims_at_the_next_start_and_hold_them_under_a_race()
    {
        var database = await TestDatabase.CreateDatabaseAsync("backfill");
        string slug;
        string oldHead = IdNumber(401), oldNumber;
        await using (var first = new PlatformFactory(MediationPlatform.Plugins, database: database))
        {
            await first.InitializeAsync();
            HttpClient registrar;
            (_, slug, registrar) = await first.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
            (_, oldNumber) = await RegisterAsync(registrar, slug, "老户主", oldHead);
            await RegisterAsync(registrar, slug, "另一户", IdNumber(402));
        }

        // As a ledger kept before the claims existed: the records, and no claim of their keys.
        Assert.Equal(4, await ClaimsAsync(database, slug, delete: true));
        Assert.Equal(0, await ClaimsAsync(database, slug));

        await using var second = new PlatformFactory(MediationPlatform.Plugins, database: database);
        await second.InitializeAsync();
        Assert.Equal(4, await ClaimsAsync(database, slug));
        var admin = await second.AdminClientAsync();
        var clerk = await second.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, Registrar), Scenario.Password);

        var duplicates = await Races.AtOnceAsync(8, _ => clerk.PostAsJsonAsync($"/api/t/{slug}/mediation/households", Household("重复", oldHead)));
        var file = Xlsx.Write(Xlsx.LedgerHeader, Xlsx.LedgerRow(oldNumber, "导入", "户主", IdNumber(403)));
        var import = await ImportAsync(clerk, slug, file);

        Assert.All(duplicates, d => Assert.Equal(HttpStatusCode.BadRequest, d.StatusCode));
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
        Assert.Equal(4, await ClaimsAsync(database, slug));
    }

    private static async Task<int> ClaimsAsync(string database, string slug, bool delete = false)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from modular.mt_doc_uniquekeyclaim where tenant_id = @slug", connection);
        count.Parameters.AddWithValue("slug", slug);
        var claims = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        if (delete)
        {
            await using var remove = new NpgsqlCommand("delete from modular.mt_doc_uniquekeyclaim where tenant_id = @slug", connection);
            remove.Parameters.AddWithValue("slug", slug);
            await remove.ExecuteNonQueryAsync();
        }

        return claims;
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string slug, byte[] file)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", "台帐.xlsx");
        return await client.PostAsync($"/api/t/{slug}/mediation/households/import", content);
    }
}
