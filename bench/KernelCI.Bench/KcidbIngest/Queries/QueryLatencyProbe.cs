using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest.Ingest;

namespace KernelCI.Bench.KcidbIngest.Queries;

/// <summary>Times each endpoint with one client issuing requests back to back, after a few untimed warm-up requests.</summary>
internal sealed class QueryLatencyProbe(KcidbHttpClient client, int requestsPerEndpoint)
{
    private const int WarmUp = 5;

    public async Task<IReadOnlyList<EndpointLatency>> RunAsync(IReadOnlyList<QueryEndpoint> endpoints, CancellationToken cancellationToken)
    {
        var results = new List<EndpointLatency>();
        foreach (var endpoint in endpoints)
        {
            for (var n = 0; n < WarmUp; n++)
            {
                await client.TimeGetAsync(endpoint.UrlFor(requestsPerEndpoint + n), cancellationToken);
            }

            var timings = new List<double>(requestsPerEndpoint);
            var errors = 0;
            long bytes = 0;
            string? firstError = null;
            for (var n = 0; n < requestsPerEndpoint; n++)
            {
                var url = endpoint.UrlFor(n);
                var (status, size, milliseconds) = await client.TimeGetAsync(url, cancellationToken);
                timings.Add(milliseconds);
                bytes += size;
                if (status is < 200 or >= 300)
                {
                    errors++;
                    firstError ??= $"{status} from GET /{url}";
                }
            }

            timings.Sort();
            results.Add(new EndpointLatency(
                endpoint.Name,
                requestsPerEndpoint,
                errors,
                Percentiles.Of(timings, 50),
                Percentiles.Of(timings, 95),
                timings[^1],
                bytes / requestsPerEndpoint,
                firstError));
        }

        return results;
    }
}
