namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>The order compare keeps the newest item of an identity by, as its queries used to sort: start time, then
/// the row's write time, both newest first with unknown ones last, then the id. Comparing here instead of an ORDER BY
/// spares the database sorting a checkout's every test row with all its columns (about half of the query's time on
/// SQLite, docs/benchmarks.md "dashboard-pages").</summary>
internal readonly record struct NewestFirst(DateTimeOffset? Start, DateTimeOffset? Written, string Id)
{
    public bool ComesBefore(NewestFirst other) =>
        Compare(Start, other.Start) is var start and not 0 ? start < 0
        : Compare(Written, other.Written) is var written and not 0 ? written < 0
        : string.CompareOrdinal(Id, other.Id) < 0;

    // Newer first; an unknown time after every known one.
    private static int Compare(DateTimeOffset? x, DateTimeOffset? y) => (x, y) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => y!.Value.CompareTo(x!.Value),
    };
}
