using System.Text.RegularExpressions;
using KernelCI.Dashboard.Http;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>What `/tree/…` names: `{name}/{branch}` (the branch's latest checkout) or `{name}/{branch}/{commit}`.
/// Segments arrive escaped (`%2F` inside a branch); a path of more segments takes the last as the commit and the
/// middle ones as a branch with slashes, for hand-written links. The commit is a hash or a tag.</summary>
internal sealed partial record TreePageRoute(string TreeName, string Branch, string? Commit)
{
    private const int MaxSegment = 512;

    public static TreePageRoute? Parse(string? path)
    {
        var segments = (path ?? "").TrimEnd('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (segments.Length < 2 || segments.Any(s => s.Length == 0))
        {
            return null;
        }

        // Names go to the database as parameters; control characters (NUL above all, which PostgreSQL refuses) never name a tree.
        if (segments.Any(s => s.Length > MaxSegment || s.Any(char.IsControl)))
        {
            throw new BadParameterException("path", $"tree, branch and commit are at most {MaxSegment} characters without control characters");
        }

        if (segments.Length == 2)
        {
            return new TreePageRoute(segments[0], segments[1], null);
        }

        var commit = segments[^1];
        if (!CommitOrTag().IsMatch(commit))
        {
            throw new BadParameterException("commit", $"'{commit}' is not a commit hash or tag");
        }

        return new TreePageRoute(segments[0], string.Join('/', segments[1..^1]), commit);
    }

    // A hash, or a tag as git allows it in practice (no spaces, `..`, `~^:?*[\`); upstream accepts tags here too.
    [GeneratedRegex(@"^(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._+\-]{0,127}$")]
    private static partial Regex CommitOrTag();
}
