using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Modular.Modules.OpenGovernment.Publications;

/// <summary>Registers the Publications area: its services, Marten types and endpoints.</summary>
[AreaOrder(20)]
internal sealed class PublicationsArea : IModuleArea
{
    public IEnumerable<NavigationEntry> Navigation =>
    [
        new(new("信息发布", "Publications"), "publications", Permissions.PublicationsRead, 20),
        new(new("规范性文件", "Normative documents"), "normative-documents", Permissions.PublicationsRead, 21),
    ];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<PublicationWorkflow>();
        services.AddScoped<NormativeDocuments>();
        services.AddScoped<IDemoData, PublicationDemo>();
        services.AddScoped<IDeadlineSource, PublicationDeadlines>();
        services.AddScoped<IDashboardFigures, PublicationFigures>();
        services.AddScoped<IAnnualReportSections, PublicationReport>();
        services.AddScoped<Contracts.Integration.IIntegrationEventHandler<Contracts.Reports.RuleOfLawReportPublished>, RuleOfLawReportFiling>();
    }

    public void ConfigureMarten(StoreOptions options)
    {
        options.Events.MapEventType<PublicationDrafted>("open-government.publication-drafted.v1");
        options.Events.MapEventType<PublicationDraftEdited>("open-government.publication-draft-edited.v1");
        options.Events.MapEventType<PublicationAttachmentAdded>("open-government.publication-attachment-added.v1");
        options.Events.MapEventType<PublicationAttachmentRemoved>("open-government.publication-attachment-removed.v1");
        options.Events.MapEventType<PublicationSubmitted>("open-government.publication-submitted.v1");
        options.Events.MapEventType<PublicationReturned>("open-government.publication-returned.v1");
        options.Events.MapEventType<PublicationReviewed>("open-government.publication-reviewed.v1");
        options.Events.MapEventType<PublicationPublished>("open-government.publication-published.v1");
        options.Events.MapEventType<PublicationFiled>("open-government.publication-filed.v1");
        options.Events.MapEventType<PublicationRevisionStarted>("open-government.publication-revision-started.v1");
        options.Events.MapEventType<PublicationWithdrawn>("open-government.publication-withdrawn.v1");
        options.Events.MapEventType<CatalogueCategoryAdded>("open-government.catalogue-category-added.v1");
        options.Events.MapEventType<NormativeDocumentRegistered>("open-government.normative-document-registered.v1");
        options.Events.MapEventType<NormativeDocumentRepealed>("open-government.normative-document-repealed.v1");
        options.Events.MapEventType<NoNormativeDocumentsDeclared>("open-government.no-normative-documents-declared.v1");

        options.Projections.Snapshot<Publication>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<CatalogueSettings>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<NormativeDocument>(SnapshotLifecycle.Inline);
        options.Projections.Snapshot<NormativeYearStatement>(SnapshotLifecycle.Inline);

        options.Schema.For<Publication>().Index(p => p.State).Index(p => p.DraftedAt);
        options.Schema.For<NormativeDocument>().Index(d => d.Year);
        options.Schema.For<StoredAttachment>().Index(a => a.PublicationId);
        // The portal's read model: a publication's page, its attachments and the feed; by year for the figures.
        options.Schema.For<PublishedPublication>()
            .Index(p => p.PublishedAt)
            .Index(p => p.Category)
            .Index(p => p.FirstPublishedOn)
            .Index(p => p.Withdrawn);
        // Listings and search read the portal's own table (Portal/PortalEntries.cs), not this document's JSON.
    }

    public void MapEndpoints(IEndpointRouteBuilder api) => PublicationEndpoints.Map(api);
}
