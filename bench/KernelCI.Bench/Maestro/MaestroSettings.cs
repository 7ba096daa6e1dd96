namespace KernelCI.Bench.Maestro;

internal sealed record MaestroSettings(
    IReadOnlyList<string> Databases, int Creates, int Concurrency, int StoredNodes, int QueryRepeats, int Subscribers,
    int LatencyEvents, int CatchUpEvents, string Postgres, TimeSpan WarmUp);
