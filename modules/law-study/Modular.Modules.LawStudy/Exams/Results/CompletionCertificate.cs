using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Documents;
using Modular.Modules.LawStudy.Staff;

namespace Modular.Modules.LawStudy.Exams;

/// <summary>What the public verification of a certificate shows: whose, which exam, the band and the day; nothing else of the person.</summary>
internal sealed record CertificateCheck(string Code, string Name, string Exam, int Year, string Band, string BandLabel, DateOnly On);

/// <summary>
/// The certificate of completion (学法考试合格证书) of a person's best passing attempt, as .docx set like the township's
/// documents, with the attempt's verification code and where to check it. Anyone may check a code on the public page:
/// it answers with the name, the exam, the band and the day, never the score, department or anything else.
/// </summary>
internal sealed class CompletionCertificate(IQuerySession session, StaffRoster roster, ExamSettingsStore settings, ITownshipContext township, StartAttempt start, TimeProvider time)
{
    public static byte[] Write(string name, string department, Exam exam, ExamAttempt best, string issuer, string verifyAddress)
    {
        var day = TownshipTime.DayOf(best.SubmittedAt!.Value);
        var band = ExamAttempt.Label(best.Band!.Value).Chinese;
        return new WordDocument()
            .Title("学法考试合格证书")
            .Paragraph($"{name}同志（{department}）：")
            .Paragraph($"参加{exam.Title}，成绩{best.Score!.Value.ToString("0.#", CultureInfo.InvariantCulture)}分（满分{exam.Total}分），等次为{band}。特发此证。")
            .Paragraph($"验证码：{best.VerificationCode}")
            .Paragraph($"查验地址：{verifyAddress}")
            .Right(issuer)
            .Right(TownshipTime.Chinese(day))
            .ToBytes();
    }

    public static string VerifyPath(string slug, string code) => $"/t/{slug}/law-study/exam-certificates/verify?code={Uri.EscapeDataString(code)}";

    /// <summary>The person's certificate for the exam: null when the exam is not this township's or they have not passed it.</summary>
    public async Task<byte[]?> ForAsync(Guid examId, StaffMember? member, string origin, CancellationToken ct)
    {
        if (member is null || await session.LoadAsync<Exam>(examId, ct) is not { } exam || exam.State != ExamState.Set)
        {
            return null;
        }

        var best = ExamResults.Best(await start.SettledAttemptsAsync(examId, member.Id, time.GetUtcNow(), ct));
        if (best?.Band is not (ScoreBand.Pass or ScoreBand.Excellent))
        {
            return null;
        }

        var slug = township.Required.Slug;
        return Write(member.Name, member.Department, exam, best, (await settings.GetAsync(ct)).IssuerOf(township.Required), origin + VerifyPath(slug, best.VerificationCode!));
    }

    /// <summary>A code's certificate, for the anonymous check; null when no certificate of this township has the code.</summary>
    public async Task<CertificateCheck?> CheckAsync(string? code, CancellationToken ct)
    {
        var normalised = (code ?? "").Trim().ToUpperInvariant();
        if (normalised.Length is < 12 or > 20)
        {
            return null;
        }

        var attempt = await session.Query<ExamAttempt>().FirstOrDefaultAsync(a => a.VerificationCode == normalised, ct);
        if (attempt?.Band is not (ScoreBand.Pass or ScoreBand.Excellent)
            || await session.LoadAsync<Exam>(attempt.ExamId, ct) is not { State: ExamState.Set } exam
            || await roster.FindAsync(attempt.StaffId, ct) is not { } member)
        {
            return null;
        }

        return new CertificateCheck(normalised, member.Name, exam.Title, exam.Year, attempt.Band.Value.ToString(), Kit.Text.T(ExamAttempt.Label(attempt.Band.Value)),
            TownshipTime.DayOf(attempt.SubmittedAt!.Value));
    }

    private static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    /// <summary><c>GET …/my-exams/{examId}/certificate.docx</c>: the signed-in person's; 404 when they have not passed.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> MineEndpointAsync(
        Guid examId, HttpRequest request, CompletionCertificate certificates, StaffRoster roster, CancellationToken ct) =>
        await certificates.ForAsync(examId, await roster.CurrentAsync(ct), Origin(request), ct) is { } file
            ? TypedResults.File(file, WordDocument.ContentType, "exam-certificate.docx")
            : TypedResults.NotFound();

    /// <summary><c>GET …/exams/{id}/results/{staffId}/certificate.docx</c>: the organiser prints anyone's who passed.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> ForPersonEndpointAsync(
        Guid id, Guid staffId, HttpRequest request, CompletionCertificate certificates, StaffRoster roster, CancellationToken ct) =>
        await certificates.ForAsync(id, await roster.FindAsync(staffId, ct), Origin(request), ct) is { } file
            ? TypedResults.File(file, WordDocument.ContentType, "exam-certificate.docx")
            : TypedResults.NotFound();

    /// <summary><c>GET …/public/exam-certificates/{code}</c>: anonymous; 404 for a code no certificate of this township has.</summary>
    public static async Task<Results<Ok<CertificateCheck>, NotFound>> CheckEndpointAsync(string code, CompletionCertificate certificates, CancellationToken ct) =>
        await certificates.CheckAsync(code, ct) is { } check ? TypedResults.Ok(check) : TypedResults.NotFound();
}
