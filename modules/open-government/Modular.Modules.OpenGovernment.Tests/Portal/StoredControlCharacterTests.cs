using System.Net;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using Modular.Modules.OpenGovernment.Tests.DisclosureRequests;
using Modular.Modules.OpenGovernment.Tests.PowerList;
using Modular.Modules.OpenGovernment.Tests.Publications;
using Modular.Testing;
using Npgsql;

namespace Modular.Modules.OpenGovernment.Tests.Portal;

/// <summary>
/// Text stored before the platform refused control characters (written here straight into the documents, past every
/// check) must never break what is written from it: the Atom feed, the public page, the reply letter .docx and the
/// power list .xlsx still answer 200 with well-formed XML.
/// </summary>
[Collection(OpenGovernmentCollection.Name)]
public sealed class StoredControlCharacterTests(OpenGovernmentPlatform platform)
{
    [Fact]
    public async Task A_stored_title_name_or_cell_holding_U0001_still_gives_a_valid_atom_feed_docx_and_xlsx()
    {
        var (admin, slug, clerk, reviewer) = await Publishing.TownshipAsync(platform);
        var publication = await Publishing.PublishAsync(clerk, reviewer, slug, Publishing.Draft("秋季征兵公告"));
        var (request, _) = await RequestScenario.EnterAsync(clerk, slug, RequestScenario.Person());
        await RequestScenario.AnswerAsync(clerk, slug, request, "PartlyDisclosed", null);
        var judicial = await platform.SignedInClientAsync(await Scenario.CreateUserAsync(admin, slug, PowerListScenario.JudicialOffice), Scenario.Password);
        Assert.True((await judicial.PostAsync($"/api/t/{slug}/open-government/power-list/demo", null)).IsSuccessStatusCode);

        Assert.True(await CorruptAsync(slug, "征兵公告", "征兵\\u0001公告") > 0);
        Assert.True(await CorruptAsync(slug, "王小明", "王小\\u0001明") > 0);
        Assert.True(await CorruptAsync(slug, "农村村民宅基地审批", "农村村民宅基地\\u0001审批") > 0);

        var feed = await platform.AnonymousClient().GetAsync($"/api/t/{slug}/open-government/public/feed.atom");
        var page = await platform.AnonymousClient().GetAsync($"/t/{slug}/open-government/portal/publications/{publication}");
        var letter = await clerk.GetAsync($"/api/t/{slug}/open-government/requests/{request}/reply-letter.docx");
        var export = await judicial.GetAsync($"/api/t/{slug}/open-government/power-list/export.xlsx?asOf=2020-12-31");

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var atom = XDocument.Parse(await feed.Content.ReadAsStringAsync());
        Assert.Contains(atom.Descendants(XName.Get("title", "http://www.w3.org/2005/Atom")), t => t.Value == "秋季征兵公告");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await letter.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Contains("王小明", word.MainDocumentPart!.Document!.Body!.InnerText);
        }

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await export.Content.ReadAsByteArrayAsync()), false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single();
        Assert.Contains("农村村民宅基地审批", sheet.Worksheet!.InnerText + workbook.WorkbookPart.SharedStringTablePart?.SharedStringTable?.InnerText);
    }

    /// <summary>Rewrites <paramref name="text"/> in every stored document of the township, as JSON text (so <c>\u0001</c> is the escape).</summary>
    private async Task<int> CorruptAsync(string slug, string text, string jsonEscaped)
    {
        await using var connection = new NpgsqlConnection(platform.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var find = new NpgsqlCommand("select table_schema, table_name from information_schema.columns where column_name = 'tenant_id' and table_name like 'mt_doc_%'", connection))
        await using (var reader = await find.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add($"\"{reader.GetString(0)}\".\"{reader.GetString(1)}\"");
            }
        }

        var changed = 0;
        foreach (var table in tables)
        {
            await using var update = new NpgsqlCommand($"update {table} set data = replace(data::text, @text, @escaped)::jsonb where tenant_id = @slug and strpos(data::text, @text) > 0", connection);
            update.Parameters.AddWithValue("text", text);
            update.Parameters.AddWithValue("escaped", jsonEscaped);
            update.Parameters.AddWithValue("slug", slug);
            changed += await update.ExecuteNonQueryAsync();
        }

        return changed;
    }
}
