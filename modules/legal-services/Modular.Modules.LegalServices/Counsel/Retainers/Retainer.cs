using Modular.Kit.Steps;

namespace Modular.Modules.LegalServices.Counsel.Retainers;

/// <summary>The township signs a retainer with a law firm (聘请法律顾问) for a term.</summary>
internal sealed record RetainerSigned(Guid Id, string Firm, string? ContractNumber, DateOnly From, DateOnly To, DateOnly SignedOn, string By);

/// <summary>A named counsel of the firm; <paramref name="UserName"/> is their sign-in, so the reviews sent to them are theirs.</summary>
internal sealed record CounselNamed(Guid CounselId, string Name, string LicenceNumber, string? Phone, string? UserName, DateOnly On, string By);

/// <summary>The term extended (续聘) to a new end.</summary>
internal sealed record RetainerRenewed(DateOnly To, string? ContractNumber, DateOnly On, string By);

internal sealed record CounselMember(Guid Id, string Name, string LicenceNumber, string? Phone, string? UserName);

/// <summary>
/// The retained firm (法律顾问单位), its named counsel and the contract term. A township keeps one per contract: the
/// record of an earlier term stays when a new firm is retained (Art 33: everything is kept).
/// </summary>
internal sealed class Retainer
{
    public static readonly StepTable<Retainer, RetainerState> Steps = new StepTable<Retainer, RetainerState>(_ => RetainerState.Signed, _ => new("已签订", "Signed"))
        .Allow(NameCounselStep.Name, RetainerState.Signed)
        .Allow(RenewRetainerStep.Name, RetainerState.Signed);

    public Guid Id { get; set; }

    public long Version { get; set; }

    public string Firm { get; set; } = "";

    public string? ContractNumber { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public DateOnly SignedOn { get; set; }

    public List<CounselMember> Counsel { get; set; } = [];

    /// <summary>Sign-in names of its counsel, for the query that finds a signed-in counsel's retainer.</summary>
    public List<string> UserNames { get; set; } = [];

    public DateOnly LastStepOn { get; set; }

    public static Retainer Create(RetainerSigned e) => new()
    {
        Id = e.Id,
        Firm = e.Firm,
        ContractNumber = e.ContractNumber,
        From = e.From,
        To = e.To,
        SignedOn = e.SignedOn,
        LastStepOn = e.SignedOn,
    };

    public void Apply(CounselNamed e)
    {
        Counsel.Add(new CounselMember(e.CounselId, e.Name, e.LicenceNumber, e.Phone, e.UserName));
        if (e.UserName is { } user)
        {
            UserNames.Add(user);
        }

        LastStepOn = e.On;
    }

    public void Apply(RetainerRenewed e)
    {
        To = e.To;
        ContractNumber = e.ContractNumber ?? ContractNumber;
        LastStepOn = e.On;
    }

    public bool Covers(DateOnly day) => From <= day && day <= To;

    public string Subject(CounselMember c) => $"法律顾问 {Firm} / {c.Name}";
}

/// <summary>A retainer has one state: the table still names its steps, so the API and the page read them alike.</summary>
internal enum RetainerState
{
    Signed,
}
