using System.Diagnostics;

namespace KernelCI.Bench.Dashboard;

/// <summary>Times each endpoint one request at a time: first once on each of the cold targets (a checkout, build or
/// window not asked before), then, after 5 untimed requests, the warm target repeatedly. A request counts only when
/// it answers 2xx without upstream's `{"error": …}` body; anything else stops the run.</summary>
internal sealed class LatencyProbe(HttpClient http, int cold, int warm)
{
    public async Task<List<EndpointFigures>> RunAsync(IReadOnlyList<DashboardEndpoint> endpoints, CancellationToken cancellationToken)
    {
        var figures = new List<EndpointFigures>();
        foreach (var endpoint in endpoints)
        {
            var coldTimes = new List<double>();
            for (var i = 1; i <= cold; i++)
            {
                coldTimes.Add((await TimeAsync(endpoint, i, cancellationToken)).Milliseconds);
            }

            for (var i = 0; i < 5; i++)
            {
                await TimeAsync(endpoint, 0, cancellationToken);
            }

            var warmTimes = new List<double>();
            long bytes = 0;
            for (var i = 0; i < warm; i++)
            {
                var (milliseconds, length) = await TimeAsync(endpoint, 0, cancellationToken);
                warmTimes.Add(milliseconds);
                bytes = length;
            }

            figures.Add(new EndpointFigures(endpoint.Name, coldTimes, warmTimes, bytes, endpoint.Baseline));
        }

        return figures;
    }

    private async Task<(double Milliseconds, long Bytes)> TimeAsync(DashboardEndpoint endpoint, int target, CancellationToken cancellationToken)
    {
        using var request = endpoint.Request(target);
        var stopwatch = Stopwatch.StartNew();
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var milliseconds = stopwatch.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode || StartsWithError(body))
        {
            throw new BenchFailure($"{endpoint.Name}: {request.Method} {request.RequestUri} answered {(int)response.StatusCode}: " +
                System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300))));
        }

        return (milliseconds, body.Length);
    }

    private static bool StartsWithError(byte[] body) =>
        body.AsSpan().TrimStart(" \r\n\t"u8).StartsWith("{\"error\""u8);
}
