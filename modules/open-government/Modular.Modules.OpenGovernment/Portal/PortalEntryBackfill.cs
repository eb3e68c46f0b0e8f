using Marten;
using Marten.Schema;
using Modular.Modules.OpenGovernment.Publications;

namespace Modular.Modules.OpenGovernment.Portal;

/// <summary>
/// At start-up, once the store's schema is applied, brings <c>og_portal_entry</c> in line with the portal's read model in
/// every township: a publication on the portal without its row (published before the table existed, or under a
/// version of the module that did not write it) or with another version's row gets it; a row whose publication has
/// left the portal goes. Idempotent and cheap once done (one query of ids and versions per township), and safe when two
/// hosts start together (the insert is an upsert, and each township's rows are written in one transaction).
/// </summary>
internal sealed class PortalEntryBackfill : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        foreach (var tenant in await TenantsAsync(store, cancellation))
        {
            await using var session = store.LightweightSession(tenant);
            var table = PortalEntries.Qualified(session);
            var live = await session.Query<PublishedPublication>().Where(p => !p.Withdrawn).Select(p => new Versioned(p.Id, p.VersionNumber)).ToListAsync(cancellation);
            var json = await session.AdvancedSql.QueryAsync<string>(
                '^', $"select coalesce(json_agg(json_build_object('Id', id, 'Version', version)), '[]') from {table} where tenant_id = ^", cancellation, tenant);
            var rows = System.Text.Json.JsonSerializer.Deserialize<List<Versioned>>(json[0], new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
            var missing = live.Except(rows).Select(v => v.Id).ToList();
            var gone = rows.Select(r => r.Id).Except(live.Select(v => v.Id)).ToList();
            if (missing.Count == 0 && gone.Count == 0)
            {
                continue;
            }

            foreach (var chunk in missing.Chunk(500))
            {
                foreach (var publication in await session.LoadManyAsync<PublishedPublication>(cancellation, chunk))
                {
                    PortalEntries.Put(session, publication);
                }
            }

            foreach (var id in gone)
            {
                PortalEntries.Remove(session, id);
            }

            await session.SaveChangesAsync(cancellation);
        }
    }

    /// <summary>Every township with a publication on the portal (the read model's conjoined tenant ids).</summary>
    private static async Task<IReadOnlyList<string>> TenantsAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var documents = store.Options.Schema.For<PublishedPublication>(qualified: true);
        return await session.AdvancedSql.QueryAsync<string>($"select distinct tenant_id from {documents} union select distinct tenant_id from {PortalEntries.Qualified(session)}", ct);
    }

    internal sealed record Versioned(Guid Id, int Version);
}
