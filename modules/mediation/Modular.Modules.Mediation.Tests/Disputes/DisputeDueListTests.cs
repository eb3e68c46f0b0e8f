using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.Mediation.Tests.Disputes.DisputeScenario;

namespace Modular.Modules.Mediation.Tests.Disputes;

/// <summary>What the township's home page says of disputes: the due list and the dashboard figures.</summary>
[Collection(MediationCollection.Name)]
public sealed class DisputeDueListTests(MediationPlatform platform)
{
    private static readonly DateOnly Today =
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    [Fact]
    public async Task A_signed_agreement_puts_its_court_confirmation_window_and_follow_up_on_the_due_list_and_an_old_open_dispute_its_target()
    {
        var (_, slug, mediator) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Mediator);
        var agreed = await TakeInAsync(mediator, slug, Day(-40));
        await ToMediationAsync(mediator, slug, agreed, Day(-35));
        await StepAsync(mediator, slug, agreed, "agreement", Agreement(Day(-30)));
        var signed = await StepAsync(mediator, slug, agreed, "signature", new() { ["on"] = Day(-28) });
        var open = await TakeInAsync(mediator, slug, Day(-40));

        var home = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");
        var due = home.GetProperty("dueItems").EnumerateArray().Select(i => i.GetProperty("item")).ToList();
        var number = signed.GetProperty("number").GetString();
        var openNumber = (await GetAsync(mediator, slug, open)).GetProperty("number").GetString();

        var window = Assert.Single(due, i => i.GetProperty("title").GetProperty("chinese").GetString() == $"纠纷 {number} 司法确认申请期限");
        Assert.Equal(signed.GetProperty("courtConfirmationDueOn").GetString(), window.GetProperty("dueOn").GetString());
        var visit = Assert.Single(due, i => i.GetProperty("title").GetProperty("chinese").GetString() == $"纠纷 {number} 回访");
        // The dates the records themselves show (30 days, moved off a rest day: DisputeClockTests has them on real holidays).
        Assert.Equal(signed.GetProperty("followUpDueOn").GetString(), visit.GetProperty("dueOn").GetString());
        var target = Assert.Single(due, i => i.GetProperty("title").GetProperty("chinese").GetString() == $"纠纷 {openNumber} 化解时限");
        Assert.Equal((await GetAsync(mediator, slug, open)).GetProperty("targetOn").GetString(), target.GetProperty("dueOn").GetString());
        var figures = home.GetProperty("figures").EnumerateArray().Where(f => f.GetProperty("moduleId").GetString() == "mediation").ToList();
        var late = Assert.Single(figures, f => f.GetProperty("label").GetString()!.StartsWith("超过30日未化解", StringComparison.Ordinal));
        Assert.Equal("1", late.GetProperty("value").GetString());
        Assert.True(late.GetProperty("attention").GetBoolean());

        await StepAsync(mediator, slug, agreed, "follow-up", new() { ["on"] = Day(0), ["visitor"] = "王德明", ["note"] = "双方和睦。" });
        var after = await mediator.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/home");
        Assert.DoesNotContain(after.GetProperty("dueItems").EnumerateArray(), i => i.GetProperty("item").GetProperty("title").GetProperty("chinese").GetString() == $"纠纷 {number} 回访");
    }

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
