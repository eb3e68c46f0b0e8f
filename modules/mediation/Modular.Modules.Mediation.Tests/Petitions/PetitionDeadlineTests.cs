using System.Net.Http.Json;
using System.Text.Json;
using static Modular.Modules.Mediation.Tests.Petitions.PetitionScenario;

namespace Modular.Modules.Mediation.Tests.Petitions;

[Collection(MediationCollection.Name)]
public sealed class PetitionDeadlineTests(MediationPlatform platform)
{
    [Fact]
    public async Task Acceptance_notice_due_on_a_Saturday_is_due_the_Monday_after()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var id = await RegisterAsync(clerk, slug, "2026-07-03");

        var petition = await GetAsync(clerk, slug, id);

        // 15 calendar days from 07-03 end on Saturday 07-18; the period ends on the next working day.
        Assert.Equal("2026-07-20", Date(petition, "acceptanceDueOn"));
        Assert.Equal("Registered", petition.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Objection_window_of_5_working_days_skips_the_National_Day_holiday()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var id = await RegisterAsync(clerk, slug, "2026-09-30");

        var petition = await GetAsync(clerk, slug, id);

        // 10-01..10-07 are holidays, 10-10 (a Saturday) a make-up workday: 10-08, 10-09, 10-10, 10-12, 10-13.
        Assert.Equal("2026-10-13", Date(petition, "objectionDueOn"));
        var late = await PostStepAsync(clerk, slug, id, "objection", new() { ["on"] = "2026-10-14", ["reason"] = "属县自然资源局职责" });
        Assert.Contains("on", (await ErrorsAsync(late)).Keys);
        var objected = await StepAsync(clerk, slug, id, "objection", new() { ["on"] = "2026-10-13", ["reason"] = "属县自然资源局职责" });
        Assert.Equal("Objected", objected.GetProperty("state").GetString());
        Assert.False(objected.GetProperty("isOpen").GetBoolean());
    }

    [Fact]
    public async Task Opinion_is_due_60_days_after_acceptance_and_may_be_extended_once_by_30()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var id = await RegisterAsync(clerk, slug, "2026-05-28");
        var investigating = await ToInvestigationAsync(clerk, slug, id, "2026-06-01");
        Assert.Equal("2026-07-31", Date(investigating, "opinionDueOn"));

        var extended = await StepAsync(clerk, slug, id, "extension", new() { ["on"] = "2026-07-01", ["days"] = 30, ["reason"] = "需会同县自然资源局现场勘测" });

        // 90 days from 06-01 end on Sunday 08-30, so Monday 08-31.
        Assert.Equal("2026-08-31", Date(extended, "opinionDueOn"));
        var again = await PostStepAsync(clerk, slug, id, "extension", new() { ["on"] = "2026-07-02", ["days"] = 10, ["reason"] = "再次延期" });
        Assert.Contains("只能延长一次", string.Join(" ", (await ErrorsAsync(again))["state"]));
    }

    [Fact]
    public async Task An_extension_longer_than_30_days_is_refused_with_every_bad_field()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var id = await RegisterAsync(clerk, slug, "2026-05-28");
        await ToInvestigationAsync(clerk, slug, id, "2026-06-01");

        var response = await PostStepAsync(clerk, slug, id, "extension", new() { ["on"] = "2026-07-01", ["days"] = 31, ["reason"] = "" });

        var errors = await ErrorsAsync(response);
        Assert.Contains("days", errors.Keys);
        Assert.Contains("reason", errors.Keys);
    }

    [Fact]
    public async Task On_time_rate_counts_opinions_issued_by_their_deadline()
    {
        var (_, slug, clerk) = await platform.TownshipWithUserAsync([MediationPlatform.Module], Clerk);
        var onTime = await RegisterAsync(clerk, slug, "2026-05-28");
        var late = await RegisterAsync(clerk, slug, "2026-05-29");
        var open = await RegisterAsync(clerk, slug, "2026-06-02");
        await ToInvestigationAsync(clerk, slug, onTime, "2026-06-01");
        await ToInvestigationAsync(clerk, slug, late, "2026-06-01");
        var closed = await OpinionAsync(clerk, slug, onTime, "2026-07-31");
        var overdue = await OpinionAsync(clerk, slug, late, "2026-08-03");
        Assert.True(closed.GetProperty("closedOnTime").GetBoolean());
        Assert.False(overdue.GetProperty("closedOnTime").GetBoolean());

        var figures = await clerk.GetFromJsonAsync<JsonElement>($"/api/t/{slug}/mediation/petitions/figures?from=2026-05-01&to=2026-06-30");

        Assert.Equal(3, figures.GetProperty("received").GetInt32());
        Assert.Equal(1, figures.GetProperty("closedOnTime").GetInt32());
        Assert.Equal(1, figures.GetProperty("closedLate").GetInt32());
        Assert.Equal(1, figures.GetProperty("stillOpen").GetInt32());
        Assert.Equal(50m, figures.GetProperty("onTimeRate").GetDecimal());
        Assert.True((await GetAsync(clerk, slug, open)).GetProperty("isOpen").GetBoolean());
    }
}
