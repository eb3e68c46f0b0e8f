using System.Net;
using System.Net.Http.Json;
using Modular.Modules.Mediation.Tests.Petitions;
using static Modular.Modules.Mediation.Tests.Households.HouseholdScenario;

namespace Modular.Modules.Mediation.Tests.Households;

/// <summary>
/// One person is on the ledger once even when eight registrars save at the same instant: the database holds the ID
/// number's claim, so exactly one is accepted and the others get the field error a later registration gets.
/// </summary>
[Collection(MediationCollection.Name)]
public sealed class HouseholdRaceTests(MediationPlatform platform)
{
    private const int Parallel = 8;

    [Fact]
    public async Task Eight_households_registered_at_the_same_instant_with_one_head_give_one_household_in_each_of_twenty_rounds()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        for (var round = 0; round < 20; round++)
        {
            var head = IdNumber(600 + round);
            var answers = await RaceAsync(() => registrar.PostAsJsonAsync($"/api/t/{slug}/mediation/households", Household("张三", head)));

            await AssertOneAcceptedAsync(answers, HttpStatusCode.Created, "head.idNumber");
        }
    }

    [Fact]
    public async Task One_person_added_to_eight_households_at_the_same_instant_joins_one_of_them()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var households = new List<Guid>();
        for (var i = 0; i < Parallel; i++)
        {
            households.Add((await RegisterAsync(registrar, slug, "户主" + i, IdNumber(700 + i))).Id);
        }

        for (var round = 0; round < 10; round++)
        {
            var person = IdNumber(720 + round);
            var versions = new List<long>();
            foreach (var id in households)
            {
                versions.Add((await GetAsync(registrar, slug, id)).GetProperty("version").GetInt64());
            }

            using var start = new Barrier(Parallel);
            var answers = await Task.WhenAll(households.Select((id, i) => Task.Run(async () =>
            {
                var body = Member("李四", "Other", person);
                body["version"] = versions[i];
                start.SignalAndWait();
                return await registrar.PostAsJsonAsync($"/api/t/{slug}/mediation/households/{id}/members", body);
            })));

            await AssertOneAcceptedAsync(answers, HttpStatusCode.OK, "idNumber");
        }
    }

    [Fact]
    public async Task A_person_who_moved_out_or_whose_household_closed_can_be_registered_again()
    {
        var (_, slug, registrar) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Registrar);
        var (first, _) = await RegisterAsync(registrar, slug, "张三", IdNumber(801));
        var withSpouse = await ChangedAsync(registrar, slug, first, HttpMethod.Post, "/members", Member("李四", "Spouse", IdNumber(802)));
        var withChild = await ChangedAsync(registrar, slug, first, HttpMethod.Post, "/members", Member("张五", "Child", IdNumber(803)));

        await ChangedAsync(registrar, slug, first, HttpMethod.Post, $"/members/{MemberId(withSpouse, "李四")}/removal", new() { ["reason"] = "户口迁出" });
        await ChangedAsync(registrar, slug, first, HttpMethod.Put, $"/members/{MemberId(withChild, "张五")}", Member("张五", "Child", IdNumber(804)));
        var (second, _) = await RegisterAsync(registrar, slug, "李四", IdNumber(802));
        await ChangedAsync(registrar, slug, second, HttpMethod.Post, "/members", Member("王六", "Other", IdNumber(803)));
        var stillHeld = await ChangeAsync(registrar, slug, second, HttpMethod.Post, "/members", Member("赵七", "Other", IdNumber(804)));
        await ChangedAsync(registrar, slug, first, HttpMethod.Post, "/closure", new() { ["on"] = "2026-01-05", ["reason"] = "全户迁往县城" });
        var again = await registrar.PostAsJsonAsync($"/api/t/{slug}/mediation/households", Household("张三", IdNumber(801)));

        Assert.Contains("idNumber", (await PetitionScenario.ErrorsAsync(stillHeld)).Keys);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    private static async Task<HttpResponseMessage[]> RaceAsync(Func<Task<HttpResponseMessage>> send)
    {
        using var start = new Barrier(Parallel);
        return await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await send();
        })));
    }

    private static async Task AssertOneAcceptedAsync(HttpResponseMessage[] answers, HttpStatusCode accepted, string field)
    {
        Assert.True(answers.Count(a => a.StatusCode == accepted) == 1, string.Join(", ", answers.Select(a => (int)a.StatusCode)));
        foreach (var refused in answers.Where(a => a.StatusCode != accepted))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(field, (await PetitionScenario.ErrorsAsync(refused)).Keys);
        }
    }
}
