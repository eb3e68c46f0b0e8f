namespace Modular.Modules.OpenGovernment.Portal;

/// <summary>The public portal's addresses, in one place so every page links the same way.</summary>
internal static class PortalRoutes
{
    public static string Home(string township) => $"/t/{township}/open-government/portal";

    public static string Category(string township, string category) => $"{Home(township)}/category/{Uri.EscapeDataString(category)}";

    public static string Search(string township) => $"{Home(township)}/search";

    public static string Publication(string township, Guid id) => $"{Home(township)}/publications/{id}";

    public static string PowerList(string township) => $"{Home(township)}/power-list";

    public static string NewRequest(string township) => $"{Home(township)}/requests/new";

    public static string RequestStatus(string township) => $"{Home(township)}/requests/status";

    public static string SearchFor(string township, string q, int page = 1) => $"{Search(township)}?q={Uri.EscapeDataString(q)}" + (page > 1 ? $"&page={page}" : "");

    public static string Attachment(string township, Guid publication, Guid attachment) =>
        $"/api/t/{township}/open-government/public/publications/{publication}/attachments/{attachment}";

    public static string Feed(string township) => $"/api/t/{township}/open-government/public/feed.atom";
}
