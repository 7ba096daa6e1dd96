using System.Globalization;

namespace KernelCI.Client.Maestro;

/// <summary>An open `/events/stream` (Server-Sent Events): the server has taken its starting position by the time this
/// exists, so a reader that then reads the nodes misses no change in between (docs/maestro.md, Stream).</summary>
public sealed class MaestroEventStream(HttpResponseMessage response, StreamReader reader, string channel) : IAsyncDisposable
{
    /// <summary>The next event, or null when the server closed the stream. Keep-alive comments are skipped.</summary>
    public async Task<MaestroEvent?> ReadAsync(CancellationToken cancellationToken = default)
    {
        long? id = null;
        string? data = null;
        string? line;
        while ((line = await reader.ReadLineAsync(cancellationToken)) is not null)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    var parsed = MaestroEvent.Parse(channel, data);
                    return parsed.Sequence is null && id is not null ? parsed with { Sequence = id } : parsed;
                }

                id = null;
                continue;
            }

            if (line.StartsWith("id: ", StringComparison.Ordinal) && long.TryParse(line[4..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                id = n;
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }

        return null;
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
