using System.Net;
using System.Text;
using Modular.Contracts.Integration;
using Modular.Contracts.Portal;
using Modular.Contracts.Reports;
using Modular.Kit;
using Modular.Kit.Records;

namespace Modular.Modules.OpenGovernment.Publications;

/// <summary>
/// Files the township's published annual rule-of-law report (法治政府建设年度报告) as a proactive publication, with its
/// .docx attached, so it is on the portal. It goes under 规划计划: the national catalogues of government information
/// (国务院办公厅《政府信息公开目录》 and the 基层政务公开标准目录 built on it) keep annual work plans and summaries (计划总结),
/// the yearly reports among them, in the plans category. The heads approved it and the county has it, so it is filed
/// as already reviewed, naming that review, and never waits in the clerk's queue.
/// </summary>
internal sealed class RuleOfLawReportFiling(IPublicPageCache portalCache) : IIntegrationEventHandler<RuleOfLawReportPublished>
{
    public const string Category = "规划计划";

    public async Task HandleAsync(RuleOfLawReportPublished e, IntegrationEventContext context, CancellationToken cancellationToken)
    {
        var id = StableIds.Of("open-government.rule-of-law-report", e.ReportId);
        var by = e.PublishedBy;
        var content = new PublicationContent(e.Title, Category, null, Html(e.Blocks), e.MadeOn, Disclosure.Proactive, null, e.IssuingOffice);
        var attachment = new StoredAttachment
        {
            Id = StableIds.Of("open-government.rule-of-law-report-docx", e.ReportId),
            PublicationId = id,
            FileName = e.DocxFileName,
            ContentType = Kit.Documents.WordDocument.ContentType,
            Content = e.Docx,
            UploadedBy = by,
            UploadedAt = e.PublishedAt,
        };
        object[] events =
        [
            new PublicationDrafted(id, content, by, e.PublishedAt),
            new PublicationAttachmentAdded(new AttachmentRef(attachment.Id, attachment.FileName, attachment.ContentType, e.Docx.LongLength), by),
            new PublicationReviewed("经党政主要负责人审定并报送县级，无涉密内容", "依《法治政府建设与责任落实督察工作规定》第二十五条向社会公开", by, e.PublishedAt),
            new PublicationPublished(1, by, e.PublishedAt),
        ];

        // Events appended here skip the inline projections: the snapshot and the portal's row are stored alongside.
        var publication = Publication.Create((PublicationDrafted)events[0]);
        publication.Apply((PublicationAttachmentAdded)events[1]);
        publication.Apply((PublicationReviewed)events[2]);
        publication.Apply((PublicationPublished)events[3]);
        publication.Version = events.Length;
        context.Operations.Events.StartStream<Publication>(id, events);
        context.Operations.Store(publication);
        context.Operations.Store(attachment);
        var live = PublishedPublication.From(publication, publication.Versions[0], TownshipTime.DayOf(e.PublishedAt));
        context.Operations.Store(live);
        Portal.PortalEntries.Put(context.Operations, live);
        await portalCache.EvictAsync(cancellationToken);
    }

    private static string Html(IReadOnlyList<ReportBlock> blocks)
    {
        var html = new StringBuilder();
        foreach (var block in blocks)
        {
            var text = WebUtility.HtmlEncode(Kit.Input.PlainText.ForXml(block.Text));
            html.Append(block.Level switch
            {
                1 => $"<h2>{text}</h2>",
                2 => $"<h3>{text}</h3>",
                -1 => $"<p align=\"right\">{text}</p>",
                _ => $"<p>{text}</p>",
            });
        }

        return html.ToString();
    }
}
