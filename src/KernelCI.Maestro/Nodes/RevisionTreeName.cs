using System.Text.RegularExpressions;

namespace KernelCI.Maestro.Nodes;

/// <summary>A revision's `tree`: the pipeline names folders and git remotes after it, so it follows upstream's tree
/// name rule (`^[A-Za-z0-9._-]+$`, kernelci-pipeline config/trees.yaml) without `.`, `..` and a leading `-`, at most
/// 100 characters: the same rule as the pipeline's (src/KernelCI.Pipeline/Git/GitNames.cs).</summary>
internal static partial class RevisionTreeName
{
    public static void Validate(string field, string tree)
    {
        if (tree.Length is 0 or > 100 || tree is "." or ".." || tree[0] == '-' || !Pattern().IsMatch(tree))
        {
            throw MaestroException.BadRequest(
                $"data.{field}.tree: '{tree}' is not a tree name (1 to 100 letters, digits, '.', '_' and '-', not starting with '-', not '.' or '..')");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex Pattern();
}
