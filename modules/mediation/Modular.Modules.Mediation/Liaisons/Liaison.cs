using Modular.Contracts.PersonalData;

namespace Modular.Modules.Mediation.Liaisons;

/// <summary>A villager appointed as information liaison (信息联络员). The phone number is personal data.</summary>
internal sealed record LiaisonAppointed(Guid Id, string Name, string Village, LiaisonRole Role, string? Phone, DateOnly AppointedOn);

/// <summary>The roster entry corrected or brought up to date; carries the details as they now stand.</summary>
internal sealed record LiaisonDetailsUpdated(string Name, string Village, LiaisonRole Role, string? Phone, DateOnly AppointedOn);

internal sealed record LiaisonStoodDown(DateOnly On, string Reason);

/// <summary>A liaison on the roster: the inline snapshot of the liaison's stream.</summary>
internal sealed class Liaison
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Name { get; set; } = "";

    public string Village { get; set; } = "";

    public LiaisonRole Role { get; set; }

    public string? Phone { get; set; }

    public DateOnly AppointedOn { get; set; }

    public bool IsActive { get; set; }

    public DateOnly? StoodDownOn { get; set; }

    public string? StandDownReason { get; set; }

    /// <summary>A liaison's one personal field, as a reveal reads it: the phone.</summary>
    public string? PersonalData(PersonalDataKind kind) => kind == PersonalDataKind.PhoneNumber ? Phone : null;

    /// <summary>Whose data it is, as the township admin's list of reveals shows it; a method, so the document does not store it.</summary>
    public string Subject() => $"信息联络员 {Name}（{Village}）";

    public static Liaison Create(LiaisonAppointed e) => new()
    {
        Id = e.Id,
        Name = e.Name,
        Village = e.Village,
        Role = e.Role,
        Phone = e.Phone,
        AppointedOn = e.AppointedOn,
        IsActive = true,
    };

    public void Apply(LiaisonDetailsUpdated e)
    {
        Name = e.Name;
        Village = e.Village;
        Role = e.Role;
        Phone = e.Phone;
        AppointedOn = e.AppointedOn;
    }

    public void Apply(LiaisonStoodDown e)
    {
        IsActive = false;
        StoodDownOn = e.On;
        StandDownReason = e.Reason;
    }
}
