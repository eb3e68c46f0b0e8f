namespace Modular.Host.Storage;

/// <summary>How the database reports that a name-based stream (a township's slug, a user's name) was started by another request first.</summary>
internal static class PlatformClashes
{
    public static bool IsStreamTaken(Exception error) =>
        (error is AggregateException all ? all.Flatten().InnerExceptions : [error]).Any(e =>
            e is Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException
            || e is Marten.Exceptions.MartenCommandException { InnerException: Npgsql.PostgresException { SqlState: "23505", TableName: "mt_streams" } });
}
