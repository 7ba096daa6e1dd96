using System.Globalization;
using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>What `git archive COMMIT` writes, before any content is read: the commit's full id, its root tree, the
/// committer time every entry carries, and the entries in the order git walks them (a directory before its
/// contents).</summary>
internal sealed record CommitListing(string Commit, string RootTree, long Time, IReadOnlyList<TreeEntry> Entries)
{
    public static async Task<CommitListing> ReadAsync(GitRunner git, string repository, string commit, CancellationToken cancellationToken)
    {
        var header = (await git.RunAsync(repository, ["show", "-s", "--format=%H%n%T%n%ct", commit + "^{commit}"], cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var entries = new List<TreeEntry>();
        await git.StreamAsync(repository, ["ls-tree", "-r", "-t", "-z", "--full-tree", header[0]], async (stdout, ct) =>
        {
            using var reader = new StreamReader(stdout, System.Text.Encoding.UTF8, false, 1 << 16);
            var all = await reader.ReadToEndAsync(ct);
            foreach (var line in all.Split('\0', StringSplitOptions.RemoveEmptyEntries))
            {
                entries.Add(Parse(line));
            }
        }, cancellationToken);
        return new CommitListing(header[0], header[1], long.Parse(header[2], CultureInfo.InvariantCulture), entries);
    }

    // "<mode> SP <type> SP <object> TAB <path>"
    private static TreeEntry Parse(string line)
    {
        var tab = line.IndexOf('\t');
        var fields = line[..tab].Split(' ');
        return new TreeEntry(Convert.ToInt32(fields[0], 8), fields[2], line[(tab + 1)..]);
    }
}
