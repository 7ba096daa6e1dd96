namespace KernelCI.Kcidb.Queries;

/// <summary>The objects a query names: ids per type, and (id, version) pairs for issues.</summary>
internal sealed record ObjectSelection(
    IReadOnlyCollection<string> Checkouts,
    IReadOnlyCollection<string> Builds,
    IReadOnlyCollection<string> Tests,
    IReadOnlyCollection<(string Id, long Version)> Issues,
    IReadOnlyCollection<string> Incidents);
