using JasperFx.MultiTenancy;
using Marten;
using Weasel.Postgresql;

namespace Modular.Host.Storage;

/// <summary>
/// Platform policy: every index on a township's (conjoined) documents leads with <c>tenant_id</c>. Every query a module
/// runs is for one township, so an index that does not start with the tenant walks every township's rows of a county
/// (measured on the dispute ledger's newest-first page). It is the platform's choice, not a module's, so it is set
/// once here for every module's documents.
/// </summary>
internal static class TownshipDocuments
{
    /// <summary>
    /// Makes every document conjoined (unless marked <c>[SingleTenanted]</c>) and leads its indexes with the tenant.
    /// Marten applies document policies when it first builds a type's mapping, before that type's own
    /// <c>Schema.For&lt;T&gt;()</c> alterations, whichever was registered first; so the policy covers documents a plugin
    /// registers in ConfigureMarten after this call, and their indexes (read when the schema is built) get the tenant
    /// column. Marten runs its policies newest first, hence the order: the tenancy policy is registered last, so it has
    /// run when the index policy asks whether the document is conjoined. A document that must be single-tenanted says
    /// <c>[SingleTenanted]</c> on its class, which both policies see; a module's own <c>.SingleTenanted()</c> comes after
    /// them and would leave its indexes naming a tenant column the table lacks (the architecture tests report it).
    /// </summary>
    public static void Apply(StoreOptions options)
    {
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.TenancyStyle == TenancyStyle.Conjoined)
            {
                mapping.StartIndexesByTenantId = true;
            }
        });
        options.Policies.AllDocumentsAreMultiTenanted();

        // A GIN index (the portal's search terms) then begins with tenant_id too: btree_gin (a trusted extension) gives a
        // varchar column the GIN operator class, and the search reads one township's rows only.
        options.Storage.ExtendedSchemaObjects.Add(new Extension("btree_gin"));
    }
}
