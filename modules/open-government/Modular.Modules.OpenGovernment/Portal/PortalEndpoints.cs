using System.Text;
using System.Xml;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Modular.Contracts.Portal;
using Modular.Contracts.Storage;
using Modular.Contracts.Townships;
using Modular.Kit.Input;
using Modular.Modules.OpenGovernment.Publications;
using static Modular.Kit.Text;

namespace Modular.Modules.OpenGovernment.Portal;

/// <summary>A published publication as the public API gives it.</summary>
internal sealed record PublicPublication(Guid Id, string Title, string Category, string? DocumentNumber, string BodyHtml, DateOnly MadeOn, string IssuingOffice,
    int Version, DateTimeOffset PublishedAt, IReadOnlyList<AttachmentRef> Attachments);

/// <summary>The portal's anonymous API: listings, search, a publication, its attachments and the Atom feed.</summary>
internal static class PortalEndpoints
{
    public static void Map(IEndpointRouteBuilder publicApi)
    {
        publicApi.MapGet("/publications", async ([PublicPageKey(PublicPageValue.SearchWords)] string? q, string? category, [PublicPageKey(PublicPageValue.PageNumber)] string? page,
            IQuerySession session, CancellationToken ct) =>
            TypedResults.Ok(string.IsNullOrWhiteSpace(q)
                ? await PortalQueries.LatestAsync(session, category, PortalQueries.PageFrom(page), ct)
                : await PortalQueries.SearchAsync(session, q, PortalQueries.PageFrom(page), ct))).CacheOutput(PublicPages.Policy).LagTolerantRead();
        publicApi.MapGet("/publications/{id:guid}", GetAsync).CacheOutput(PublicPages.Policy).LagTolerantRead();
        publicApi.MapGet("/publications/{id:guid}/attachments/{attachmentId:guid}", DownloadAsync).LagTolerantRead();
        publicApi.MapGet("/categories", async (IQuerySession session, Contracts.Caching.ITownshipCache cache, CancellationToken ct) =>
                TypedResults.Ok(await Catalogue.CachedCategoriesAsync(cache, session, ct)))
            .CacheOutput(PublicPages.Policy).LagTolerantRead();
        publicApi.MapGet("/feed.atom", FeedAsync).CacheOutput(PublicPages.Policy).LagTolerantRead();
    }

    private static async Task<IResult> GetAsync(Guid id, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<PublishedPublication>(id, ct) switch
        {
            null => TypedResults.Problem(statusCode: 404, title: T("未找到", "Not found")),
            { Withdrawn: true } p => TypedResults.Problem(statusCode: 410, title: T("该信息已撤回", "This publication was withdrawn"), detail: p.WithdrawalReason),
            var p => TypedResults.Ok(new PublicPublication(p.Id, p.Title, p.Category, p.DocumentNumber, p.BodyHtml, p.MadeOn, p.IssuingOffice, p.VersionNumber, p.PublishedAt, p.Attachments)),
        };

    /// <summary>Only files of the version on the portal now; a withdrawn publication's files are gone with it.</summary>
    private static async Task<IResult> DownloadAsync(Guid id, Guid attachmentId, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var live = await session.LoadAsync<PublishedPublication>(id, ct);
        if (live is null || live.Attachments.All(a => a.Id != attachmentId))
        {
            return TypedResults.Problem(statusCode: 404, title: T("未找到", "Not found"));
        }

        if (live.Withdrawn)
        {
            return TypedResults.Problem(statusCode: 410, title: T("该信息已撤回", "This publication was withdrawn"));
        }

        return await session.LoadAsync<StoredAttachment>(attachmentId, ct) is { } file ? PublicationEndpoints.Serve(http, file) : TypedResults.Problem(statusCode: 404);
    }

    /// <summary>RFC 4287 Atom: the latest 50 publications on the portal; stored text goes through PlainText.ForXml, so no record can break it.</summary>
    private static async Task<IResult> FeedAsync(IQuerySession session, ITownshipContext township, HttpContext http, CancellationToken ct)
    {
        var current = township.Required;
        var items = await session.Query<PublishedPublication>().Where(p => !p.Withdrawn).OrderByDescending(p => p.PublishedAt).Take(50).ToListAsync(ct);
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var home = origin + PortalRoutes.Home(current.Slug);
        const string atom = "http://www.w3.org/2005/Atom";

        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true }))
        {
            await xml.WriteStartDocumentAsync();
            xml.WriteStartElement("feed", atom);
            xml.WriteElementString("id", atom, $"urn:modular:{current.Slug}:open-government:publications");
            xml.WriteElementString("title", atom, PlainText.ForXml($"{current.Name}政府信息公开"));
            xml.WriteElementString("updated", atom, XmlConvert.ToString(items.FirstOrDefault()?.PublishedAt ?? DateTimeOffset.UnixEpoch));
            Link(xml, home, "alternate", "text/html");
            Link(xml, origin + PortalRoutes.Feed(current.Slug), "self", "application/atom+xml");
            xml.WriteStartElement("author", atom);
            xml.WriteElementString("name", atom, PlainText.ForXml(current.Name));
            xml.WriteEndElement();
            foreach (var p in items)
            {
                xml.WriteStartElement("entry", atom);
                xml.WriteElementString("id", atom, $"urn:uuid:{p.Id}");
                xml.WriteElementString("title", atom, PlainText.ForXml(p.Title));
                xml.WriteElementString("updated", atom, XmlConvert.ToString(p.PublishedAt));
                Link(xml, origin + PortalRoutes.Publication(current.Slug, p.Id), "alternate", "text/html");
                xml.WriteStartElement("category", atom);
                xml.WriteAttributeString("term", PlainText.ForXml(p.Category));
                xml.WriteEndElement();
                xml.WriteStartElement("summary", atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(PlainText.ForXml(p.Summary));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            await xml.WriteEndDocumentAsync();
        }

        return TypedResults.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static void Link(XmlWriter xml, string href, string rel, string type)
    {
        xml.WriteStartElement("link", "http://www.w3.org/2005/Atom");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
