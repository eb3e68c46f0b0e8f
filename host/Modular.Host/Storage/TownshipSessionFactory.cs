using Marten;
using Microsoft.AspNetCore.Http;
using Modular.Contracts.Townships;
using Modular.Host.Operations;

namespace Modular.Host.Storage;

/// <summary>
/// The one place sessions are opened: for the current township's tenant, or the platform's default tenant outside
/// any township. Every session carries the acting user and the correlation id, so each stored event records both.
/// A query session of a lag-tolerant read (<see cref="Modular.Contracts.Storage.LagTolerantReadAttribute"/>) reads
/// the read replica when one is configured (<see cref="ReadReplica"/>); every other session, and
/// every document session, is the primary's.
/// </summary>
internal sealed class TownshipSessionFactory(
    IDocumentStore store, ITownshipContext township, ICurrentUser user, Correlation correlation, ReadReplica replica, IHttpContextAccessor http)
    : ISessionFactory
{
    public IQuerySession QuerySession()
    {
        var options = Options();
        if (replica.DatabaseFor(http.HttpContext, store, township.Current?.Slug) is { } database)
        {
            return store.QuerySession(Marten.Services.SessionOptions.ForDatabase(options.TenantId, database));
        }

        return store.QuerySession(options);
    }

    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession(Options());
        session.CorrelationId = correlation.Id;
        session.LastModifiedBy = user.UserName;
        return session;
    }

    private Marten.Services.SessionOptions Options()
    {
        var options = new Marten.Services.SessionOptions();
        if (township.Current is { } current)
        {
            options.TenantId = current.Slug;
        }

        return options;
    }
}

/// <summary>Sessions on the platform's own data (townships, users), whatever township the request is in.</summary>
internal sealed class PlatformSessions(IDocumentStore store, ICurrentUser user, Correlation correlation)
{
    public IQuerySession Query() => store.QuerySession();

    public IDocumentSession Open()
    {
        var session = store.LightweightSession();
        session.CorrelationId = correlation.Id;
        session.LastModifiedBy = user.UserName;
        return session;
    }
}
