using Marten;
using Modular.Contracts.Time;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Modules.OpenGovernment.Shared;
using static Modular.Kit.Text;

namespace Modular.Modules.OpenGovernment.Publications;

internal sealed record NormativeDocumentRegistered(Guid Id, string Number, string Title, DateOnly IssuedOn, DateOnly? LegalityReviewedOn, DateOnly? FiledOn, string By, DateTimeOffset At);

internal sealed record NormativeDocumentRepealed(DateOnly RepealedOn, string Reason, string By, DateTimeOffset At);

/// <summary>The statement that the township made no normative documents in a year (本年度未制定规范性文件).</summary>
internal sealed record NoNormativeDocumentsDeclared(int Year, string By, DateTimeOffset At);

/// <summary>规范性文件登记: number, title, issue date, legality review, filing (备案) with the county, and whether in force.</summary>
internal sealed class NormativeDocument
{
    public Guid Id { get; set; }

    public int Version { get; set; }

    public string Number { get; set; } = "";

    public string Title { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public int Year { get; set; }

    public DateOnly? LegalityReviewedOn { get; set; }

    public DateOnly? FiledOn { get; set; }

    public bool Repealed { get; set; }

    public DateOnly? RepealedOn { get; set; }

    public string? RepealReason { get; set; }

    public static NormativeDocument Create(NormativeDocumentRegistered e) => new()
    {
        Id = e.Id,
        Number = e.Number,
        Title = e.Title,
        IssuedOn = e.IssuedOn,
        Year = e.IssuedOn.Year,
        LegalityReviewedOn = e.LegalityReviewedOn,
        FiledOn = e.FiledOn,
    };

    public void Apply(NormativeDocumentRepealed e) => (Repealed, RepealedOn, RepealReason) = (true, e.RepealedOn, e.Reason);
}

/// <summary>A year's "none made" statement; one stream per year, so it is recorded once.</summary>
internal sealed class NormativeYearStatement
{
    public Guid Id { get; set; }

    public int Year { get; set; }

    public string DeclaredBy { get; set; } = "";

    public DateTimeOffset DeclaredAt { get; set; }

    public static Guid StreamFor(int year) => new($"5d0c2e1a-4b7f-4c1e-8a3d-{year:D12}");

    public static NormativeYearStatement Create(NoNormativeDocumentsDeclared e) => new() { Id = StreamFor(e.Year), Year = e.Year, DeclaredBy = e.By, DeclaredAt = e.At };
}

internal sealed record RegisterNormativeDocument(string? Number, string? Title, DateOnly? IssuedOn, DateOnly? LegalityReviewedOn, DateOnly? FiledOn);

internal sealed record RepealNormativeDocument(int ExpectedVersion, DateOnly? RepealedOn, string? Reason);

internal sealed record DeclareNoneMade(int? Year);

internal sealed record NormativeRegister(int Year, IReadOnlyList<NormativeDocument> Documents, NormativeYearStatement? NoneMadeStatement);

internal sealed class NormativeDocuments(IDocumentSession session, IStatutoryClock clock, TimeProvider time, ICurrentUser user)
{
    /// <summary>The same register with its entries recorded at <paramref name="at"/>'s time (the demo year).</summary>
    public NormativeDocuments At(TimeProvider at) => new(session, clock, at, user);

    public async Task<NormativeRegister> RegisterForAsync(int year, CancellationToken ct)
    {
        // The year's statement id is built from the year's digits: a negative or five-digit year is no year of a register.
        if (year is < 1 or > 9999)
        {
            throw InputRejectedException.Of("year", "年度应为四位数字。", "The year must be a four-digit number.");
        }

        var documents = await session.Query<NormativeDocument>().Where(d => d.Year == year).OrderBy(d => d.IssuedOn).ToListAsync(ct);
        var statement = await session.LoadAsync<NormativeYearStatement>(NormativeYearStatement.StreamFor(year), ct);
        return new NormativeRegister(year, [.. documents], statement);
    }

    public async Task<Guid> RegisterAsync(RegisterNormativeDocument input, CancellationToken ct)
    {
        var errors = new InputErrors();
        if (string.IsNullOrWhiteSpace(input.Number) || input.Number.Trim().Length > 60)
        {
            errors.AddMessage("number", T("请填写文号。", "Give the document number."));
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 200)
        {
            errors.AddMessage("title", T("请填写标题。", "Give the title."));
        }

        if (input.IssuedOn is null || input.IssuedOn > clock.Today)
        {
            errors.AddMessage("issuedOn", T("请填写印发日期（不晚于今天）。", "Give the issue date (not in the future)."));
        }

        if (input.LegalityReviewedOn is { } reviewed && input.IssuedOn is { } issued && reviewed > issued)
        {
            errors.AddMessage("legalityReviewedOn", T("合法性审查应在印发之前完成。", "The legality review comes before the document is issued."));
        }

        if (input.FiledOn is { } filed && input.IssuedOn is { } issuedOn && filed < issuedOn)
        {
            errors.AddMessage("filedOn", T("备案日期不能早于印发日期。", "The filing date cannot be before the issue date."));
        }

        // A year stands on record either with its documents or with the statement that none were made, never both.
        if (input.IssuedOn is { } day && await session.LoadAsync<NormativeYearStatement>(NormativeYearStatement.StreamFor(day.Year), ct) is not null)
        {
            errors.AddMessage("issuedOn", T($"{day.Year}年已声明未制定规范性文件，不能再登记该年度的文件。", $"{day.Year} is on record as a year with no normative documents."));
        }

        errors.ThrowIfAny();

        var id = Guid.NewGuid();
        session.Events.StartStream<NormativeDocument>(id, new NormativeDocumentRegistered(id, input.Number!.Trim(), input.Title!.Trim(), input.IssuedOn!.Value, input.LegalityReviewedOn, input.FiledOn, user.UserName, time.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return id;
    }

    public async Task<IdAnswer?> RepealAsync(Guid id, RepealNormativeDocument input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var stream = await session.OpenForStepAsync<NormativeDocument>(id, input.ExpectedVersion, errors, ct);
        if (stream is null)
        {
            return null;
        }

        var document = stream.Aggregate!;
        if (document.Repealed)
        {
            throw Refusals.State(T("该文件已废止。", "The document is already repealed."));
        }

        errors.Check(input.RepealedOn is { } on && on >= document.IssuedOn, "repealedOn", T("请填写废止日期（不早于印发日期）。", "Give the repeal date (not before the issue date)."));
        errors.Check(!string.IsNullOrWhiteSpace(input.Reason), "reason", T("请写明废止理由。", "Give the reason for repealing it."));
        errors.ThrowIfAny();
        stream.AppendOne(new NormativeDocumentRepealed(input.RepealedOn!.Value, input.Reason!.Trim(), user.UserName, time.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return new IdAnswer(id, input.ExpectedVersion + 1);
    }

    /// <summary>Records "none made" for a year that is over or under way, only while the register for it is empty.</summary>
    public async Task DeclareNoneMadeAsync(int? year, CancellationToken ct)
    {
        if (year is null || year < 2000 || year > clock.Today.Year)
        {
            throw new InputRejectedException(new Dictionary<string, string[]> { ["year"] = [T("请填写年度（不晚于今年）。", "Give the year (not later than this one).")] });
        }

        var register = await RegisterForAsync(year.Value, ct);
        if (register.Documents.Count > 0)
        {
            throw new InputRejectedException(new Dictionary<string, string[]> { ["year"] = [T("该年度已登记规范性文件，不能声明未制定。", "Documents are registered for that year: it cannot be declared empty.")] });
        }

        if (register.NoneMadeStatement is not null)
        {
            throw new InputRejectedException(new Dictionary<string, string[]> { ["year"] = [T("该年度已声明未制定规范性文件。", "That year is already declared empty.")] });
        }

        session.Events.StartStream<NormativeYearStatement>(NormativeYearStatement.StreamFor(year.Value), new NoNormativeDocumentsDeclared(year.Value, user.UserName, time.GetUtcNow()));
        await session.SaveChangesAsync(ct);
    }
}

