namespace KernelCI.Kcidb.Queries;

/// <summary>The ids a query has reached so far, per type.</summary>
internal sealed class ObjectGraph(ObjectSelection selection)
{
    public HashSet<string> Checkouts { get; } = new(selection.Checkouts, StringComparer.Ordinal);

    public HashSet<string> Builds { get; } = new(selection.Builds, StringComparer.Ordinal);

    public HashSet<string> Tests { get; } = new(selection.Tests, StringComparer.Ordinal);

    public HashSet<(string Id, long Version)> Issues { get; } = [.. selection.Issues];

    public HashSet<string> Incidents { get; } = new(selection.Incidents, StringComparer.Ordinal);
}
