namespace KernelCI.Kcidb.KnownIssues;

internal enum ResultKind
{
    Build,
    Test,
}

/// <summary>A failed build or test as the background worker reads it: what matchers look at, and where its log is.
/// <paramref name="Cursor"/> is its <c>_timestamp</c> as the database gives it back. A build has no path or platform, a
/// test no configuration, architecture or compiler here (empty).</summary>
internal sealed record ResultRow(ResultKind Kind, string Id, string Origin, string Path, string Platform, string? LogUrl, object Cursor,
    string Config = "", string Architecture = "", string Compiler = "");
