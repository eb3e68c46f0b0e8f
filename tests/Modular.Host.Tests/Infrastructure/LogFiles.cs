using System.Text.Json;

namespace Modular.Host.Tests.Infrastructure;

/// <summary>The host's JSON log files (compact JSON, one event a line), read while the host still writes them.</summary>
internal static class LogFiles
{
    public static async Task<List<JsonElement>> LinesAsync(string folder, Func<string, bool> match)
    {
        var result = new List<JsonElement>();
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            while (await reader.ReadLineAsync() is { } line)
            {
                if (match(line))
                {
                    result.Add(JsonDocument.Parse(line).RootElement.Clone());
                }
            }
        }

        return result;
    }

    /// <summary>The lines matching, waiting up to five seconds for the first: a request's line is written as it completes, perhaps just after the client has its answer.</summary>
    public static async Task<List<JsonElement>> EventuallyAsync(string folder, Func<string, bool> match)
    {
        var lines = await LinesAsync(folder, match);
        for (var i = 0; i < 50 && lines.Count == 0; i++)
        {
            await Task.Delay(100);
            lines = await LinesAsync(folder, match);
        }

        return lines;
    }
}
