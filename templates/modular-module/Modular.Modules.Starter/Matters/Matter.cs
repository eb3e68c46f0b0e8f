using Modular.Contracts.Modules;
using Modular.Kit.Steps;
using Modular.Modules.Starter.Matters.Steps;

namespace Modular.Modules.Starter.Matters;

internal enum MatterState
{
    Open,
    Closed,
}

/// <summary>
/// A matter (事项) and where it stands: the inline snapshot of its stream, built by the <c>Create</c> and <c>Apply</c>
/// methods from its events. TODO: rename the record, its states and its steps after what the township really keeps.
/// </summary>
internal sealed class Matter
{
    /// <summary>
    /// Which steps each state allows, written once: the API refuses a step out of turn (the <c>state</c> error), the page
    /// offers only these, a due list would read it too. A new step is a file under <c>Steps/</c> and a line here.
    /// </summary>
    public static readonly StepTable<Matter, MatterState> Steps = new StepTable<Matter, MatterState>(m => m.State, Label)
        .Allow(CloseMatter.Step, MatterState.Open);

    public Guid Id { get; set; }

    /// <summary>The stream's version, set by Marten: a step names the version it read, and a stale one is a 409.</summary>
    public long Version { get; set; }

    public string Number { get; set; } = "";

    public string Title { get; set; } = "";

    public DateOnly OpenedOn { get; set; }

    /// <summary>Personal data: shown masked, revealed only with a reason (<see cref="RevealMatterPhone"/>), never logged.</summary>
    public string? Phone { get; set; }

    public MatterState State { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? Outcome { get; set; }

    public static Matter Create(MatterOpened e) => new()
    {
        Id = e.Id,
        Number = e.Number,
        Title = e.Title,
        OpenedOn = e.OpenedOn,
        Phone = e.Phone,
        State = MatterState.Open,
    };

    public void Apply(MatterClosed e)
    {
        State = MatterState.Closed;
        ClosedOn = e.ClosedOn;
        Outcome = e.Outcome;
    }

    public static LocalizedText Label(MatterState state) => state switch
    {
        MatterState.Open => new("办理中", "Open"),
        MatterState.Closed => new("已办结", "Closed"),
        _ => new(state.ToString(), state.ToString()),
    };
}

/// <summary>The yearly counter behind matter numbers (2026-0001), versioned so two clerks never take one number.</summary>
internal sealed class MatterNumberCounter : IYearCounter
{
    public string Id { get; set; } = "";

    public int Last { get; set; }
}
