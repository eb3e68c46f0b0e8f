using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Kit;
using Modular.Kit.Input;
using Modular.Kit.Steps;

namespace Modular.Modules.LawStudy.Staff;

/// <summary>What the API and the form post to put a person on the roster.</summary>
internal sealed class RegisterStaffInput : StaffInput
{
    /// <summary>The day they joined the township's staff (or the day the roster was first kept).</summary>
    public string? JoinedOn { get; set; }
}

/// <summary>
/// 登记: a person is put on the roster. It starts the stream; the ID number and the user name are claimed in the same
/// transaction, so two clerks entering one person at the same instant get one entry and one refusal.
/// </summary>
internal sealed class RegisterStaffMember(IDocumentSession session, TimeProvider time)
{
    public static StaffMemberRegistered? Decide(RegisterStaffInput input, DateOnly today, InputErrors errors)
    {
        var details = StaffDetails.Read(input, errors);
        var joinedOn = errors.Date("joinedOn", input.JoinedOn, "入职日期", "Date joined", today);
        return details is null || joinedOn is null
            ? null
            : new StaffMemberRegistered(Guid.Empty, details.Name, details.Department, details.Post, details.EnforcementPost,
                details.UserName, details.IdNumber, details.Phone, joinedOn.Value);
    }

    public async Task<Guid> RegisterAsync(RegisterStaffInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var registered = Decide(input, TownshipTime.Today(time), errors);
        errors.ThrowIfAny();
        var details = Details(registered!);
        await StaffKeys.RefuseTakenAsync(session, details, null, ct);
        var id = Guid.NewGuid();
        session.Events.StartStream<StaffMember>(id, registered! with { Id = id });
        var keys = details.Keys();
        StaffKeys.Claim(session, keys, id);
        await UniqueKeys.RefusingClashesAsync(async () =>
        {
            await session.SaveChangesAsync(ct);
            return id;
        }, keys);
        return id;
    }

    public static StaffDetails Details(StaffMemberRegistered e) =>
        new(e.Name, e.Department, e.Post, e.EnforcementPost, e.UserName, e.IdNumber, e.Phone);

    /// <summary><c>POST …/staff</c>: 201 with the entry; a refused input escapes to the host, which answers 400.</summary>
    public static async Task<Created<StaffView>> EndpointAsync(RegisterStaffInput input, RegisterStaffMember handler, StaffRoster roster, CancellationToken ct)
    {
        var id = await handler.RegisterAsync(input, ct);
        return TypedResults.Created($"staff/{id}", await roster.GetAsync(id, ct));
    }
}

/// <summary>The roster's two unique values (ID number, user name): checked by query to name them all, claimed to hold under races.</summary>
internal static class StaffKeys
{
    /// <summary>Refuses, naming each field, the values another entry on the roster holds (the sequential case; the claim covers races).</summary>
    public static async Task RefuseTakenAsync(IQuerySession session, StaffDetails details, Guid? self, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (details.IdNumber is { } id && await session.Query<StaffMember>()
                .AnyAsync(m => m.IdNumber == id && m.State == StaffState.OnRoster && m.Id != self, ct))
        {
            errors.Add("idNumber", StaffDetails.DuplicateIdChinese, StaffDetails.DuplicateIdEnglish);
        }

        if (details.UserName is { } user && await session.Query<StaffMember>()
                .AnyAsync(m => m.UserName == user && m.State == StaffState.OnRoster && m.Id != self, ct))
        {
            errors.Add("userName", StaffDetails.DuplicateUserChinese, StaffDetails.DuplicateUserEnglish);
        }

        errors.ThrowIfAny();
    }

    public static void Claim(IDocumentOperations operations, IEnumerable<KeyRefusal> keys, Guid holder)
    {
        foreach (var key in keys)
        {
            UniqueKeys.Claim(operations, key.Key, holder.ToString());
        }
    }

    public static void Release(IDocumentOperations operations, IEnumerable<KeyRefusal> keys)
    {
        foreach (var key in keys)
        {
            UniqueKeys.Release(operations, key.Key);
        }
    }

    /// <summary>The claims of an entry as it stands now.</summary>
    public static IReadOnlyList<KeyRefusal> Of(StaffMember member) =>
        new StaffDetails(member.Name, member.Department, member.Post, member.EnforcementPost, member.UserName, member.IdNumber, member.Phone).Keys();
}
