using Marten;
using Microsoft.AspNetCore.Components;
using Modular.Contracts.Modules;

// A module written against every house rule, for the rules to catch. Compiled by the same compiler as the real modules,
// so lambdas, async methods and static initialisers land in the IL the way a module's would. Nothing runs it but the
// negative tests; the rules see it only when pointed at this namespace.
namespace Modular.Architecture.Tests.Unruly;

public sealed class UnrulyModule : IModule
{
    public ModuleManifest Manifest { get; } = new(
        "unruly", new LocalizedText("反例", "Unruly"), "1.0.0", new LocalizedText("反例", "Breaks every rule"), [], []);

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<CaseOpened>("unruly.case-opened.v1");
        options.Events.MapEventType<CaseClosed>("Unruly.CaseClosed");
        options.Events.MapEventType<CaseMoved>("mediation.case-moved.v1");
        options.Events.MapEventType<CaseNoted>("unruly.case_noted.v1");
        options.Events.AddEventType<CaseReopened>();
        options.Projections.Snapshot<UnrulyCase>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        options.Schema.For<UnrulyCase>().Index(c => c.Number).Index(c => c.OpenedOn);
        options.Schema.For<UnrulySetting>().SingleTenanted().Index(s => s.Key);
    }
}

/// <summary>A page: public, as the router needs.</summary>
public sealed class UnrulyPage : ComponentBase
{
}

/// <summary>Public for no reason.</summary>
public sealed class UnrulyLedger
{
    public static string Stamp() => DateTime.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

internal sealed record CaseOpened(Guid Id, string Number);

internal sealed record CaseClosed(Guid Id);

internal sealed record CaseMoved(Guid Id);

internal sealed record CaseNoted(Guid Id);

internal sealed record CaseReopened(Guid Id);

internal sealed class UnrulyCase
{
    public Guid Id { get; set; }

    public string Number { get; set; } = "";

    public DateOnly OpenedOn { get; set; }

    public void Apply(CaseOpened e) => Number = e.Number;

    public void Apply(CaseClosed e) { }

    public void Apply(CaseMoved e) { }

    public void Apply(CaseNoted e) { }

    public void Apply(CaseReopened e) { }
}

internal sealed class UnrulySetting
{
    public string Id { get; set; } = "";

    public string Key { get; set; } = "";
}

internal sealed class UnrulyRefusal(string message) : InvalidOperationException(message);

internal static class UnrulyClock
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static Func<DateTime> Later => () => DateTime.UtcNow.AddDays(1);

    public static async Task<DateTime> TodayAsync()
    {
        await Task.Yield();
        return TimeZoneInfo.ConvertTime(DateTime.Today, Shanghai);
    }
}
