using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Modular.Testing;
using static Modular.Modules.Mediation.Tests.Households.HouseholdScenario;

namespace Modular.Modules.Mediation.Tests.Households;

/// <summary>
/// A 户号 is on the ledger once even when an import brings the number a registrar draws at the same instant: both
/// claim it in their transaction, the database lets one through, and the registrar draws again or the import is refused.
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

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string slug, byte[] file)
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", "台帐.xlsx");
        return await client.PostAsync($"/api/t/{slug}/mediation/households/import", content);
    }
}
