namespace KernelCI.Bench.Dashboard;

/// <summary>What the timed requests ask for, picked from the ingested rows: the first of each list is the warm
/// target, the others are asked once each (cold).</summary>
internal sealed record BenchTargets(
    IReadOnlyList<CheckoutTarget> Checkouts,
    IReadOnlyList<string> BuildIds,
    IReadOnlyList<string> TestIds,
    IReadOnlyList<string> IssueIds,
    IReadOnlyList<string> Platforms,
    IReadOnlyList<HistoryTarget> Histories,
    IReadOnlyList<string> SearchTerms,
    DateTimeOffset FirstCheckout,
    DateTimeOffset LastCheckout);

/// <summary>A checkout with its previous one on the same branch (for compare), and how many tests it has.</summary>
internal sealed record CheckoutTarget(string Id, string Hash, string Url, string Branch, string TreeName, string PreviousHash, long Tests);

/// <summary>The parameters of `test/status-history` for one test.</summary>
internal sealed record HistoryTarget(string Path, string Origin, string Url, string Branch, string ConfigName, string? Platform);
