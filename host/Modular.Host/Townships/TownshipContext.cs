using Modular.Contracts.Townships;

namespace Modular.Host.Townships;

/// <summary>The township of the current request or job: set once by the host, read by everything else.</summary>
internal sealed class TownshipContext : ITownshipContext
{
    public Township? Current { get; private set; }

    public TownshipRecord? Record { get; private set; }

    public void Set(TownshipRecord record)
    {
        Record = record;
        Current = record.ToTownship();
    }
}

internal static class TownshipContextExtensions
{
    public static Township Required(this TownshipContext context) =>
        context.Current ?? throw new InvalidOperationException("No township is selected for this work.");
}
