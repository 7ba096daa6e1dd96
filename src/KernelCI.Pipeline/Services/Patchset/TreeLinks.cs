using System.IO.Enumeration;

namespace KernelCI.Pipeline.Services.Patchset;

/// <summary>The symlinks of an extracted tree. A patch must not add or retarget one (a link to `/etc` in a published
/// tarball, or one that a later patch writes through), whatever its headers claimed, so the tree is compared before
/// and after each patch; and no path a patch names may pass through a link the tree already has.</summary>
internal sealed class TreeLinks
{
    private readonly Dictionary<string, string> _links;

    private TreeLinks(Dictionary<string, string> links) => _links = links;

    public static TreeLinks Of(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        // Only links are materialised (a kernel tree has ~80,000 files), and a linked directory is never entered.
        var entries = new FileSystemEnumerable<string>(root, (ref FileSystemEntry entry) => entry.ToFullPath(), options)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => IsLink(ref entry),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsLink(ref entry),
        };
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in entries)
        {
            links[Path.GetRelativePath(root, path)] = new FileInfo(path).LinkTarget ?? "";
        }

        return new TreeLinks(links);
    }

    /// <summary>The links of a git tree, by path (their targets are not read: only <see cref="CheckNotThroughLinks"/>
    /// is asked of them).</summary>
    public static TreeLinks OfPaths(IEnumerable<string> linkPaths) =>
        new(linkPaths.ToDictionary(p => p, _ => "", StringComparer.Ordinal));

    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    /// <summary>Refuses a link in <paramref name="after"/> that this tree did not have, with the same target.</summary>
    public void CheckUnchanged(string patchName, TreeLinks after)
    {
        foreach (var (path, target) in after._links)
        {
            if (!_links.TryGetValue(path, out var before) || before != target)
            {
                throw new PatchRejectedException($"{patchName}: creates the symlink '{path}' -> '{target}'; symlinks are not accepted");
            }
        }
    }

    /// <summary>Refuses a path the patch names that is, or goes through, a symlink of this tree, read as `patch -p1`
    /// reads it and also unstripped (an `Index:` line has no a/ or b/).</summary>
    public void CheckNotThroughLinks(string patchName, IEnumerable<string> patchPaths)
    {
        foreach (var path in patchPaths)
        {
            var all = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            foreach (var segments in (string[][])[all, all[Math.Min(1, all.Length)..]])
            {
                for (var i = 1; i <= segments.Length; i++)
                {
                    var prefix = string.Join('/', segments[..i]);
                    if (_links.ContainsKey(prefix))
                    {
                        throw new PatchRejectedException($"{patchName}: path '{path}' goes through the symlink '{prefix}'");
                    }
                }
            }
        }
    }
}
