using Marten;
using Modular.Contracts.Time;
using Modular.Kit.Input;
using static Modular.Kit.Text;

namespace Modular.Modules.OpenGovernment.Publications;

/// <summary>What a clerk fills in for a publication, as it arrives (API body or page form): every field may be missing.</summary>
internal sealed record PublicationInput(
    string? Title,
    string? Category,
    string? DocumentNumber,
    string? BodyHtml,
    DateOnly? MadeOn,
    string? Disclosure,
    string? NotDisclosedReason,
    string? IssuingOffice)
{
    public static string DisclosureName(Disclosure d) => d switch
    {
        Publications.Disclosure.Proactive => "proactive",
        Publications.Disclosure.OnRequest => "on-request",
        _ => "not-disclosed",
    };

    public static string DisclosureLabel(Disclosure d) => d switch
    {
        Publications.Disclosure.Proactive => T("主动公开", "Proactive"),
        Publications.Disclosure.OnRequest => T("依申请公开", "On request"),
        _ => T("不予公开", "Not disclosed"),
    };

    public static PublicationInput From(PublicationContent c) =>
        new(c.Title, c.Category, c.DocumentNumber, c.BodyHtml, c.MadeOn, DisclosureName(c.Disclosure), c.NotDisclosedReason, c.IssuingOffice);

    /// <summary>The validated, sanitised content, or null with every problem added to <paramref name="errors"/>.</summary>
    public async Task<PublicationContent?> ValidateAsync(IQuerySession session, IStatutoryClock clock, InputErrors errors, CancellationToken ct)
    {
        var title = Title?.Trim() ?? "";
        if (title.Length is 0 or > 200)
        {
            errors.AddMessage("title", T("请填写标题（200字以内）。", "Give a title (200 characters at most)."));
        }

        var categories = await Catalogue.CategoriesAsync(session, ct);
        var category = Category?.Trim() ?? "";
        if (!categories.Contains(category))
        {
            errors.AddMessage("category", T("请选择目录中的类别。", "Choose a category from the catalogue."));
        }

        if (MadeOn is null)
        {
            errors.AddMessage("madeOn", T("请填写信息形成或变更日期。", "Give the date the information was made or changed."));
        }
        else if (MadeOn > clock.Today)
        {
            errors.AddMessage("madeOn", T("形成日期不能晚于今天。", "The date made cannot be in the future."));
        }

        Disclosure? disclosure = Disclosure?.Trim() switch
        {
            "proactive" => Publications.Disclosure.Proactive,
            "on-request" => Publications.Disclosure.OnRequest,
            "not-disclosed" => Publications.Disclosure.NotDisclosed,
            _ => null,
        };
        if (disclosure is null)
        {
            errors.AddMessage("disclosure", T("请选择公开属性：主动公开、依申请公开或不予公开。", "Choose the disclosure attribute: proactive, on-request or not-disclosed."));
        }

        var reason = NotDisclosedReason?.Trim();
        if (disclosure == Publications.Disclosure.NotDisclosed && string.IsNullOrEmpty(reason))
        {
            errors.AddMessage("notDisclosedReason", T("不予公开须写明理由。", "Give the reason the information is not disclosed."));
        }

        var office = IssuingOffice?.Trim() ?? "";
        if (office.Length is 0 or > 100)
        {
            errors.AddMessage("issuingOffice", T("请填写发布机构。", "Give the issuing office."));
        }

        var number = DocumentNumber?.Trim();
        if (number?.Length > 60)
        {
            errors.AddMessage("documentNumber", T("文号过长。", "The document number is too long."));
        }

        var body = RichText.Sanitize(BodyHtml);
        if (body.Length > TextLimits.RichText)
        {
            errors.AddMessage("bodyHtml", T("正文过长。", "The body is too long."));
        }

        if (errors.Any)
        {
            return null;
        }

        return new PublicationContent(title, category, string.IsNullOrEmpty(number) ? null : number, body, MadeOn!.Value, disclosure!.Value,
            disclosure == Publications.Disclosure.NotDisclosed ? reason : null, office);
    }
}
