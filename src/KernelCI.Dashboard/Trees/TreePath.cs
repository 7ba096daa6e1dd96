namespace KernelCI.Dashboard.Trees;

/// <summary>What a `tree/…` path names. Branches may hold slashes (upstream's `path:` converter, kernelci/dashboard:backend/kernelCI_app/urls.py), so the path
/// is taken whole and the known last segments split off: `{hash}/{view}`, `{name}/{branch}/commits`,
/// `{name}/{branch…}/{hash}/{view}`, else `{name}/{branch…}` (the latest checkout).</summary>
internal sealed record TreePath(string? TreeName, string? Branch, string? Commit, string? View)
{
    public static readonly HashSet<string> Views = ["summary", "builds", "boots", "tests", "full", "commits"];

    public static TreePath? Parse(string path)
    {
        // Routing ignores a final slash (`tree/` matches `tree`), but a catch-all receives it.
        var segments = path.TrimEnd('/').Split('/');
        if (segments.Length < 2 || segments.Any(s => s.Length == 0))
        {
            return null;
        }

        var last = segments[^1];
        if (Views.Contains(last))
        {
            if (segments.Length == 2)
            {
                return new TreePath(null, null, segments[0], last);
            }

            if (segments.Length == 3 && last == "commits")
            {
                return new TreePath(segments[0], segments[1], null, last);
            }

            if (segments.Length >= 4)
            {
                return new TreePath(segments[0], string.Join('/', segments[1..^2]), segments[^2], last);
            }
        }

        return new TreePath(segments[0], string.Join('/', segments[1..]), null, null);
    }

    /// <summary>Paths of the compare endpoints (`tree/{name}/{branch…}/compare[/builds|boots|tests]`), which
    /// CompareApi answers.</summary>
    public static bool IsCompare(string path)
    {
        var segments = path.TrimEnd('/').Split('/');
        return (segments.Length >= 3 && segments[^1] == "compare")
            || (segments.Length >= 4 && segments[^2] == "compare" && segments[^1] is "builds" or "boots" or "tests");
    }
}
