using System.Globalization;
using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>What `git archive COMMIT` writes, before any content is read: the commit's full id, its root tree, the
/// committer time every entry carries, and the entries in the order git walks them (a directory before its
/// contents). A tree that is no commit's (a patchset's, written from an index) has no <see cref="Commit"/>: as
/// `git archive TREE`, its archive has no pax global header.</summary>
internal sealed record CommitListing(string? Commit, string RootTree, long Time, IReadOnlyList<TreeEntry> Entries)
{
    public static async Task<CommitListing> ReadAsync(GitRunner git, string repository, string commit, CancellationToken cancellationToken)
    {
        var header = (await git.RunAsync(repository, ["show", "-s", "--format=%H%n%T%n%ct", commit + "^{commit}"], cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return new CommitListing(header[0], header[1], long.Parse(header[2], CultureInfo.InvariantCulture),
            await EntriesAsync(git, repository, header[0], cancellationToken));
    }

    /// <summary>The listing of <paramref name="tree"/>, every entry dated <paramref name="time"/> (Unix seconds).</summary>
    public static async Task<CommitListing> ReadTreeAsync(GitRunner git, string repository, string tree, long time,
        CancellationToken cancellationToken)
    {
        var id = (await git.RunAsync(repository, ["rev-parse", "--verify", "--quiet", tree + "^{tree}"], cancellationToken)).Trim();
        return new CommitListing(null, id, time, await EntriesAsync(git, repository, id, cancellationToken));
    }

    private static async Task<List<TreeEntry>> EntriesAsync(GitRunner git, string repository, string treeish, CancellationToken cancellationToken)
    {
        var entries = new List<TreeEntry>();
        await git.StreamAsync(repository, ["ls-tree", "-r", "-t", "-z", "--full-tree", treeish], async (stdout, ct) =>
        {
            using var reader = new StreamReader(stdout, System.Text.Encoding.UTF8, false, 1 << 16);
            var all = await reader.ReadToEndAsync(ct);
            foreach (var line in all.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                entries.Add(Parse(line));
            }
        }, cancellationToken);
        return entries;
    }

    // "<mode> SP <type> SP <object> TAB <path>"
    private static TreeEntry Parse(string line)
    {
        var tab = line.IndexOf('\t');
        var fields = line[..tab].Split(' ');
        return new TreeEntry(Convert.ToInt32(fields[0], 8), fields[2], line[(tab + 1)..]);
    }
}
