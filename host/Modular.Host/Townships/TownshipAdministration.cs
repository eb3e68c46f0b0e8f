using System.Text.RegularExpressions;
using JasperFx.Events;
using Marten;
using Modular.Host.Operations;
using Modular.Host.Plugins;
using Modular.Host.Storage;
using Modular.Kit.Steps;

namespace Modular.Host.Townships;

public sealed record RegisterTownship(string? Slug, string? Name, string? Code, string? CountyCode, string? CountyName);

/// <summary>One change of a township's platform record, with who made it and when: the township's admin history.</summary>
public sealed record TownshipChange(DateTimeOffset At, string? By, string What, string? ModuleId);

/// <summary>Registers townships and turns modules on and off for them. Every change is an event with who and when.</summary>
internal sealed partial class TownshipAdministration(PlatformSessions sessions, Caching.CacheInvalidation caches, ModuleCatalog catalog, Storage.Databases.TownshipDatabases databases)
{
    /// <summary>A township's administrative code, held once on the platform (claimed by registration and by the start-up backfill).</summary>
    public static UniqueKey CodeKey(string code) => new("platform.township-code", code);

    public async Task<TownshipRecord> RegisterAsync(RegisterTownship request, CancellationToken cancellationToken)
    {
        var slug = request.Slug?.Trim().ToLowerInvariant() ?? "";
        var code = request.Code?.Trim() ?? "";
        var countyCode = request.CountyCode?.Trim() ?? "";
        new Modular.Kit.Input.InputErrors()
            .Check(SlugPattern().IsMatch(slug), "slug", "须为 2-40 位小写字母、数字或连字符，以字母开头 / 2-40 lowercase letters, digits or hyphens, starting with a letter.")
            .Check(!string.IsNullOrWhiteSpace(request.Name) && request.Name.Trim().Length <= 50, "name", "请填写乡镇名称（不超过50字）/ The township's name is required (at most 50 characters).")
            .Check(CodePattern().IsMatch(code), "code", "统计用区划代码须为12位数字 / The administrative division code has 12 digits.")
            .Check(CountyCodePattern().IsMatch(countyCode), "countyCode", "县级区划代码须为6位数字 / The county code has 6 digits.")
            .Check(!CodePattern().IsMatch(code) || !CountyCodePattern().IsMatch(countyCode) || code.StartsWith(countyCode, StringComparison.Ordinal),
                "code", "乡镇代码须以所属县代码开头 / The township's code must begin with its county's code.")
            .Check(!string.IsNullOrWhiteSpace(request.CountyName), "countyName", "请填写所属县名称 / The county's name is required.")
            .ThrowIfAny();

        await using var session = sessions.Open();
        if (await session.LoadAsync<TownshipRecord>(TownshipRecord.StreamId(slug), cancellationToken) is not null)
        {
            throw new ConflictException($"标识 {slug} 已被使用 / The slug {slug} is already taken.");
        }

        if (await session.Query<TownshipRecord>().AnyAsync(t => t.Code == code, cancellationToken))
        {
            throw new ConflictException($"区划代码 {code} 已登记 / A township with code {code} is already registered.");
        }

        var registered = new TownshipRegistered(slug, request.Name!.Trim(), code, countyCode, request.CountyName!.Trim());
        session.Events.StartStream<TownshipRecord>(TownshipRecord.StreamId(slug), registered);
        if (await databases.PlaceAsync(session, slug, countyCode, cancellationToken) is { } placement)
        {
            session.Store(placement); // in the registration's transaction: a township is never without its database
        }

        // The checks above name the clash in the ordinary case; two registrations at the same instant are refused by the
        // database: the slug is the stream's id, the code a claimed key, both in this transaction.
        var codeKey = new KeyRefusal(CodeKey(code), "code", "", "");
        UniqueKeys.Claim(session, codeKey.Key, slug);
        caches.Announce(session, Caching.CacheChange.ForTownship(slug)); // an instance may hold "no such township"
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception clash) when (UniqueKeys.Clashed(clash, [codeKey]) is not null)
        {
            throw new ConflictException($"区划代码 {code} 已登记 / A township with code {code} is already registered.");
        }
        catch (Exception clash) when (PlatformClashes.IsStreamTaken(clash))
        {
            throw new ConflictException($"标识 {slug} 已被使用 / The slug {slug} is already taken.");
        }

        return TownshipRecord.Create(registered);
    }

    /// <summary>Enables or disables a module for a township; takes effect on the next request. Doing what is already so records nothing.</summary>
    public async Task<TownshipRecord> SetModuleAsync(string slug, string moduleId, bool enabled, CancellationToken cancellationToken)
    {
        if (catalog.Find(moduleId) is null && enabled)
        {
            throw new Modular.Kit.Input.InputRejectedException(new Dictionary<string, string[]>
            {
                ["moduleId"] = [$"没有已安装且可用的模块 {moduleId} / No installed, working module has the id {moduleId}."],
            });
        }

        await using var session = sessions.Open();
        var stream = await session.Events.FetchForWriting<TownshipRecord>(TownshipRecord.StreamId(slug), cancellationToken);
        var township = stream.Aggregate ?? throw new TownshipNotFoundException(slug);
        if (township.IsEnabled(moduleId) != enabled)
        {
            if (enabled)
            {
                stream.AppendOne(new ModuleEnabledForTownship(moduleId));
                township.Apply(new ModuleEnabledForTownship(moduleId));
            }
            else
            {
                stream.AppendOne(new ModuleDisabledForTownship(moduleId));
                township.Apply(new ModuleDisabledForTownship(moduleId));
            }

            caches.Announce(session, Caching.CacheChange.ForTownship(slug));
            await session.SaveChangesAsync(cancellationToken);
        }

        return township;
    }

    /// <summary>Gives the township a new name; every instance shows it from its next request. The same name records nothing.</summary>
    public async Task<TownshipRecord> RenameAsync(string slug, string? name, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? "";
        new Modular.Kit.Input.InputErrors()
            .Check(trimmed.Length is > 0 and <= 50, "name", "请填写乡镇名称（不超过50字）/ The township's name is required (at most 50 characters).")
            .ThrowIfAny();
        await using var session = sessions.Open();
        var stream = await session.Events.FetchForWriting<TownshipRecord>(TownshipRecord.StreamId(slug), cancellationToken);
        var township = stream.Aggregate ?? throw new TownshipNotFoundException(slug);
        if (township.Name != trimmed)
        {
            var renamed = new TownshipRenamed(trimmed);
            stream.AppendOne(renamed);
            township.Apply(renamed);
            caches.Announce(session, Caching.CacheChange.ForTownship(slug));
            await session.SaveChangesAsync(cancellationToken);
        }

        return township;
    }

    public async Task<IReadOnlyList<TownshipChange>> HistoryAsync(string slug, CancellationToken cancellationToken)
    {
        await using var session = sessions.Query();
        var events = await session.Events.FetchStreamAsync(TownshipRecord.StreamId(slug), token: cancellationToken);
        return events.OrderByDescending(e => e.Version).Select(Describe).ToList();
    }

    private static TownshipChange Describe(IEvent e) => e.Data switch
    {
        TownshipRegistered r => new(e.Timestamp, e.UserName, $"登记乡镇 {r.Name}（{r.Code}）/ registered", null),
        ModuleEnabledForTownship m => new(e.Timestamp, e.UserName, "启用模块 / module enabled", m.ModuleId),
        ModuleDisabledForTownship m => new(e.Timestamp, e.UserName, "停用模块 / module disabled", m.ModuleId),
        TownshipRenamed r => new(e.Timestamp, e.UserName, $"更名为 {r.Name} / renamed", null),
        TownshipMoveBegun m => new(e.Timestamp, e.UserName, $"开始迁移数据库 {m.From} → {m.To} / move begun", null),
        TownshipMoved m => new(e.Timestamp, e.UserName, $"已迁移到数据库 {m.To}（{m.Streams} 个流，{m.Events} 个事件）/ moved", null),
        TownshipMoveAbandoned m => new(e.Timestamp, e.UserName, $"迁移到 {m.To} 失败，已撤销 / move abandoned: {m.Reason}", null),
        _ => new(e.Timestamp, e.UserName, e.EventTypeName, null),
    };

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex CountyCodePattern();
}

public sealed class TownshipNotFoundException(string slug) : Exception($"没有标识为 {slug} 的乡镇 / There is no township {slug}.");
