using Modular.Contracts.Townships;
using Modular.Host.Storage;

namespace Modular.Host.Townships;

public sealed record TownshipRegistered(string Slug, string Name, string Code, string CountyCode, string CountyName);

public sealed record ModuleEnabledForTownship(string ModuleId);

public sealed record ModuleDisabledForTownship(string ModuleId);

/// <summary>The township's name changed (a merger, a 撤乡设镇); its slug and code stay.</summary>
public sealed record TownshipRenamed(string Name);

/// <summary>A move of the township's records to another database began (<c>move-township</c>): its pages answer 503 until it ends.</summary>
public sealed record TownshipMoveBegun(string From, string To);

/// <summary>The township's records are in <paramref name="To"/> now, checked stream by stream.</summary>
public sealed record TownshipMoved(string From, string To, int Streams, long Events);

/// <summary>A move failed and was undone: the records stay where they were.</summary>
public sealed record TownshipMoveAbandoned(string To, string Reason);

/// <summary>A township as the platform knows it: the inline snapshot of its stream in the platform's (default) tenant.</summary>
public sealed class TownshipRecord
{
    public Guid Id { get; set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public string Code { get; set; } = "";

    public string CountyCode { get; set; } = "";

    public string CountyName { get; set; } = "";

    public List<string> EnabledModules { get; set; } = [];

    /// <summary>The database the township is being moved to; while set, its pages and API answer 503.</summary>
    public string? MovingTo { get; set; }

    public static Guid StreamId(string slug) => StableId.For("township", slug);

    public static TownshipRecord Create(TownshipRegistered e) => new()
    {
        Id = StreamId(e.Slug),
        Slug = e.Slug,
        Name = e.Name,
        Code = e.Code,
        CountyCode = e.CountyCode,
        CountyName = e.CountyName,
    };

    public void Apply(ModuleEnabledForTownship e)
    {
        if (!EnabledModules.Contains(e.ModuleId))
        {
            EnabledModules.Add(e.ModuleId);
        }
    }

    public void Apply(ModuleDisabledForTownship e) => EnabledModules.Remove(e.ModuleId);

    public void Apply(TownshipRenamed e) => Name = e.Name;

    public void Apply(TownshipMoveBegun e) => MovingTo = e.To;

    public void Apply(TownshipMoved e) => MovingTo = null;

    public void Apply(TownshipMoveAbandoned e) => MovingTo = null;

    public bool IsEnabled(string moduleId) => EnabledModules.Contains(moduleId);

    public Township ToTownship() => new(Slug, Name, Code, CountyCode, CountyName);
}
