namespace KernelCI.Pipeline.Runtimes.Shell;

/// <summary>A checkout's commit as this host's git cache holds it (the tarball service's WorkDirectory/git/TREE): a
/// persistent build tree is brought to it with `git read-tree -u`, which rewrites only the files that differ from the
/// tree's last commit, instead of downloading and unpacking the 1.3 GB tarball and comparing every file.</summary>
/// <param name="Repository">The cache folder (its objects in Repository/.git), only ever read.</param>
/// <param name="Commit">The full commit id the checkout names.</param>
internal sealed record GitSource(string Repository, string Commit);
