namespace KernelCI.Bench.Dashboard;

internal sealed record DashboardRunResult(
    string Database,
    long? Objects,
    long WarmCheckoutTests,
    IReadOnlyList<EndpointFigures> Endpoints,
    IReadOnlyDictionary<string, List<double>> Baseline);
