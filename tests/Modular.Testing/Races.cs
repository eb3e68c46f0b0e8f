namespace Modular.Testing;

/// <summary>Requests sent at the same instant: the way two clerks pressing "save" together look to the platform.</summary>
public static class Races
{
    /// <summary>Runs <paramref name="parallel"/> copies of <paramref name="send"/> (given their index), released together by a barrier.</summary>
    public static async Task<T[]> AtOnceAsync<T>(int parallel, Func<int, Task<T>> send)
    {
        using var start = new Barrier(parallel);
        return await Task.WhenAll(Enumerable.Range(0, parallel).Select(i => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await send(i);
        })));
    }
}
