namespace KernelCI.Bench.KcidbIngest.Queries;

internal sealed record EndpointLatency(
    string Endpoint,
    int Requests,
    int Errors,
    double P50Ms,
    double P95Ms,
    double MaxMs,
    long MeanBytes,
    string? FirstError);
