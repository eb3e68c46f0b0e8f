using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Modular.Contracts.Mediation;
using Modular.Kit.Input;
using Modular.Kit.Steps;
using Modular.Kit.Time;

namespace Modular.Modules.LegalServices.LegalAid.Steps;

/// <summary>What the API and the intake form post (and a draft's confirmation): text only, so junk is a field error.</summary>
internal class ApplicationInput : LegalAidStepInput
{
    /// <summary>The instant the station received it, Beijing time: yyyy-MM-dd HH:mm.</summary>
    public string? ReceivedAt { get; set; }

    public string? ApplicantName { get; set; }

    public string? ApplicantIdNumber { get; set; }

    public string? ApplicantPhone { get; set; }

    public string? ApplicantAddress { get; set; }

    public string? RepresentativeName { get; set; }

    public string? RepresentativeRelation { get; set; }

    public string? RepresentativePhone { get; set; }

    public bool Detained { get; set; }

    public string? DetentionPlace { get; set; }

    public string? Matter { get; set; }

    public string? Form { get; set; }

    public string? Means { get; set; }

    public string? ExemptGroup { get; set; }

    public string? NoMeansTestMatter { get; set; }

    public string? MeansDetails { get; set; }

    public string? Summary { get; set; }

    public string? OpposingParty { get; set; }

    /// <summary>The materials handed in, one a line: the materials receipt lists them.</summary>
    public string? Materials { get; set; }
}

/// <summary>
/// 法律援助法 第十三条, 第四十条, 第四十一条: the station receives an application nearby, from the applicant or their
/// representative, with the means route settled. It starts the stream, numbered within the year of its receipt.
/// </summary>
internal sealed class ReceiveApplication(IDocumentSession session, TimeProvider time)
{
    /// <summary>The reader shared with a draft's confirmation: the application's content, or every refusal.</summary>
    public static ApplicationReceived? Read(ApplicationInput input, DateTimeOffset now, InputErrors errors)
    {
        var at = errors.Instant("receivedAt", input.ReceivedAt, "工作站接收时间", "Station receipt", now);
        var name = errors.Required("applicantName", input.ApplicantName, "申请人姓名", "Applicant's name", 50);
        var id = errors.IdNumber("applicantIdNumber", input.ApplicantIdNumber);
        var phone = errors.Phone("applicantPhone", input.ApplicantPhone);
        var address = errors.Optional("applicantAddress", input.ApplicantAddress, "住址", "Address", 200);
        var repName = errors.Optional("representativeName", input.RepresentativeName, "代理申请人姓名", "Representative's name", 50);
        var repRelation = errors.Optional("representativeRelation", input.RepresentativeRelation, "与申请人的关系", "Relation to the applicant", 50);
        var repPhone = errors.Phone("representativePhone", input.RepresentativePhone);
        if (repName is not null && repRelation is null)
        {
            errors.Add("representativeRelation", "请填写代理申请人与申请人的关系（法律援助法第四十条）", "Say how the representative is related to the applicant (Art 40).");
        }

        var place = errors.Optional("detentionPlace", input.DetentionPlace, "羁押场所", "Place of detention", 100);
        // Art 31's matters are civil and administrative; a detained applicant's request is a criminal one (Art 39).
        var matter = errors.Choice<LegalAidMatter>("matter", input.Matter, "申请事项（第三十一条）", "matter (Art 31)", required: !input.Detained);
        var form = errors.Choice<AidForm>("form", input.Form, "援助形式（第二十二条）", "form of aid (Art 22)");
        var means = errors.Choice<MeansRoute>("means", input.Means, "经济困难状况的认定方式", "means route");
        var group = errors.Choice<ExemptGroup>("exemptGroup", input.ExemptGroup, "免予核查的人员（第四十二条）", "exempt group (Art 42)", required: means == MeansRoute.ExemptGroup);
        var noTest = errors.Choice<NoMeansTestMatter>("noMeansTestMatter", input.NoMeansTestMatter, "不受经济困难条件限制的情形（第三十二条）", "matter without a means test (Art 32)",
            required: means == MeansRoute.NoMeansTest);
        var details = means == MeansRoute.Pledge
            ? errors.Required("meansDetails", input.MeansDetails, "经济困难状况（个人诚信承诺的内容）", "Means declared in the pledge", 1000)
            : errors.Optional("meansDetails", input.MeansDetails, "经济困难状况", "Means", 1000);
        var summary = errors.Required("summary", input.Summary, "案情及申请理由", "Facts and reasons", 4000);
        var opposing = errors.Optional("opposingParty", input.OpposingParty, "对方当事人", "Opposing party", 200);
        var materials = LegalAidStep.Lines(errors, "materials", input.Materials, "已提交的材料", "Materials handed in", required: false);
        return errors.Any
            ? null
            : new ApplicationReceived(Guid.Empty, "", at!.Value, new Applicant(name!, id, phone, address),
                repName is null ? null : new Representative(repName, repRelation!, repPhone), input.Detained, input.Detained ? place : null,
                matter, form!.Value, means!.Value, means == MeansRoute.ExemptGroup ? group : null, means == MeansRoute.NoMeansTest ? noTest : null,
                details, summary!, opposing, materials);
    }

    /// <summary>Receives the application; <see cref="InputRejectedException"/> (400, every field) when refused.</summary>
    public async Task<Guid> ReceiveAsync(ApplicationInput input, CancellationToken ct)
    {
        var errors = new InputErrors();
        var received = Read(input, time.GetUtcNow(), errors);
        errors.ThrowIfAny();
        var id = Guid.NewGuid();
        var year = Modular.Kit.TownshipTime.DayOf(received!.StationReceivedAt).Year;
        return await YearlyNumbers.SaveWithNextAsync<LegalAidNumberCounter, Guid>(session, year, number =>
        {
            session.Events.StartStream<LegalAidApplication>(id, received with { Id = id, Number = number });
            return id;
        }, ct);
    }

    /// <summary><c>POST …/legal-aid</c>: 201 with the application; a refused input escapes to the host, which answers 400.</summary>
    public static async Task<Created<ApplicationView>> EndpointAsync(ApplicationInput input, ReceiveApplication handler, LegalAidQueries queries, CancellationToken ct)
    {
        var id = await handler.ReceiveAsync(input, ct);
        return TypedResults.Created($"legal-aid/{id}", await queries.GetAsync(id, ct));
    }
}
