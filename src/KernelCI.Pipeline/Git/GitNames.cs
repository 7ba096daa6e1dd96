using System.Text.RegularExpressions;

namespace KernelCI.Pipeline.Git;

/// <summary>What a tree or a branch may be called. A tree name becomes a folder of the git cache and a git remote, a
/// branch a refspec: upstream's tree names (`^[A-Za-z0-9._-]+$`, kernelci-pipeline config/trees.yaml) without `.`,
/// `..` and a leading `-` (read by git as an option); branches follow `git check-ref-format --branch`.</summary>
public static partial class GitNames
{
    /// <summary>Null when <paramref name="tree"/> is a valid tree name, else why not.</summary>
    public static string? TreeProblem(string? tree) =>
        tree is null or "" ? "is empty"
        : tree.Length > 100 ? "is longer than 100 characters"
        : tree is "." or ".." || tree[0] == '-' || !TreePattern().IsMatch(tree)
            ? $"'{tree}' is not a tree name (letters, digits, '.', '_' and '-', not starting with '-', not '.' or '..')"
        : null;

    /// <summary>Null when <paramref name="branch"/> is a valid branch name, else why not.</summary>
    public static string? BranchProblem(string? branch) =>
        branch is null or "" ? "is empty"
        : branch.Length > 255 ? "is longer than 255 characters"
        : branch[0] is '-' or '/' || branch[^1] is '/' or '.' || branch.EndsWith(".lock", StringComparison.Ordinal)
            || branch.Contains("..", StringComparison.Ordinal) || branch.Contains("//", StringComparison.Ordinal)
            || branch.Contains("@{", StringComparison.Ordinal) || branch == "@" || branch.Contains("/.", StringComparison.Ordinal)
            || branch[0] == '.' || branch.Any(c => char.IsControl(c) || c is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\')
            ? $"'{branch}' is not a git branch name"
        : null;

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex TreePattern();
}
