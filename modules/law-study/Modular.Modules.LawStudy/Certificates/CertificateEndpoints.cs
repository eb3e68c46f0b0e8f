using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Townships;
using Modular.Kit;
using Modular.Kit.Documents;
using Modular.Kit.Input;
using Modular.Kit.Records;

namespace Modular.Modules.LawStudy.Certificates;

/// <summary>The certificates' API beside the steps: reads, the register's file, the holder's QR code, the public look-ups.</summary>
internal static class CertificateEndpoints
{
    public static async Task<Results<Ok<IReadOnlyList<CertificateRow>>, ValidationProblem>> ListAsync(
        string? standing, Guid? holderId, string? category, CertificateQueries queries, CancellationToken ct)
    {
        var errors = new InputErrors();
        var filter = new CertificateFilter(errors.Choice<CertificateStanding>("standing", standing, "状态", "standing", required: false), holderId, category);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await queries.ListAsync(filter, ct));
    }

    public static async Task<Results<Ok<CertificateView>, NotFound>> GetAsync(Guid id, CertificateQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    public static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineAsync(Guid id, CertificateQueries queries, CancellationToken ct) =>
        await queries.TimelineAsync(id, ct) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    public static async Task<Ok<IReadOnlyList<CertificateView>>> MineAsync(CertificateQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.MineAsync(ct));

    /// <summary>
    /// <c>GET …/certificates/{id}/qr.svg</c>: the QR code of the verification address, for the supervisor and for the
    /// holder themself; anyone else is told it does not exist.
    /// </summary>
    public static async Task<Results<ContentHttpResult, NotFound>> QrAsync(Guid id, HttpContext http, CertificateQueries queries, ICurrentUser user,
        ITownshipContext township, CancellationToken ct)
    {
        var view = await queries.GetAsync(id, ct);
        var mine = view is not null && (user.HasPermission(CertificatesArea.Read) || (await queries.MineAsync(ct)).Any(c => c.Id == id));
        if (!mine)
        {
            return TypedResults.NotFound();
        }

        var url = CertificateQr.VerificationUrl($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", township.Required.Slug, view!.Number);
        return TypedResults.Content(CertificateQr.Svg(url), "image/svg+xml");
    }

    public static async Task<FileStreamHttpResult> ExportAsync(CertificateQueries queries, TimeProvider time, CancellationToken ct)
    {
        var rows = await queries.ListAsync(new CertificateFilter(), ct);
        var file = new MemoryStream();
        Workbook.Write(file, "行政执法证", ["执法证编号", "持证人", "执法主体", "执法类别", "执法区域", "发证日期", "有效期至", "下次审验", "状态"],
            rows.Select(r => (IReadOnlyList<object?>)[r.Number, r.HolderName, r.Body, string.Join("、", r.Categories), r.Area,
                TownshipTime.Format(r.IssuedOn), TownshipTime.Format(r.ExpiresOn), TownshipTime.Format(r.NextReviewOn), r.StandingLabel]));
        file.Position = 0;
        return TypedResults.File(file, Workbook.ContentType, string.Create(CultureInfo.InvariantCulture, $"certificates-{TownshipTime.Today(time):yyyyMMdd}.xlsx"));
    }

    /// <summary><c>GET …/public/certificates/verify?number=</c>: a certificate that ever existed is always found, with its standing.</summary>
    public static async Task<Results<Ok<PublicCertificate>, NotFound>> VerifyAsync(string? number, CertificateQueries queries, CancellationToken ct) =>
        await queries.VerifyAsync(number, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    public static async Task<Ok<IReadOnlyList<CertificateRow>>> PublicRegisterAsync(CertificateQueries queries, CancellationToken ct) =>
        TypedResults.Ok(await queries.PublicRegisterAsync(ct));
}
