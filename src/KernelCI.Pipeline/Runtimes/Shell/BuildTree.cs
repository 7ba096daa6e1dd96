using System.Security.Cryptography;
using System.Text;

namespace KernelCI.Pipeline.Runtimes.Shell;

/// <summary>A persistent build tree (TreesDirectory/IDENTITY: src/ synced by content, build/ for make O=), held by one
/// build at a time through an exclusive lock on IDENTITY.lock (a .NET FileShare.None open is a flock on Linux, so a
/// second build of the same identity, in this process or another, is refused and builds in a fresh folder instead).</summary>
internal sealed class BuildTree : IDisposable
{
    // Written before a build runs in the tree and removed when build.sh returned: still there at the next lease means
    // that build was killed (timeout, host stop) mid-make, and objects it half wrote must not be trusted.
    private const string InUseMarker = ".in-use";

    private readonly FileStream _lock;

    private BuildTree(string directory, FileStream lockFile)
    {
        Directory = directory;
        _lock = lockFile;
    }

    public string Directory { get; }

    /// <summary>True when the lease found the tree left by a killed build and emptied it.</summary>
    public bool WasReset { get; private set; }

    /// <summary>The tree of <paramref name="identity"/>, locked, its last use set to now; null when another build holds
    /// it. Trees beyond <paramref name="maxTrees"/> are removed, least recently used first, skipping those in use.</summary>
    public static BuildTree? TryAcquire(string root, string identity, int maxTrees, TimeProvider time)
    {
        System.IO.Directory.CreateDirectory(root);
        var key = Key(identity);
        if (TryLock(root, key) is not { } lockFile)
        {
            return null;
        }

        var tree = new BuildTree(Path.Combine(root, key), lockFile);
        if (File.Exists(Path.Combine(tree.Directory, InUseMarker)))
        {
            System.IO.Directory.Delete(tree.Directory, recursive: true);
            tree.WasReset = true;
        }

        System.IO.Directory.CreateDirectory(tree.Directory);
        File.WriteAllText(Path.Combine(tree.Directory, "identity.txt"), identity);
        System.IO.Directory.SetLastWriteTimeUtc(tree.Directory, time.GetUtcNow().UtcDateTime);
        Evict(root, key, maxTrees);
        return tree;
    }

    /// <summary>A short stable name for what determines a build's output.</summary>
    public static string Key(string identity) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];

    public void MarkInUse() => File.WriteAllText(Path.Combine(Directory, InUseMarker), "");

    public void MarkIdle() => File.Delete(Path.Combine(Directory, InUseMarker));

    /// <summary>Empties the tree (kept locked, still its identity's, so eviction still knows it): the next build in it
    /// starts from nothing.</summary>
    public void Reset()
    {
        var identity = File.ReadAllText(Path.Combine(Directory, "identity.txt"));
        System.IO.Directory.Delete(Directory, recursive: true);
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "identity.txt"), identity);
    }

    public void Dispose() => _lock.Dispose();

    private static bool IsKey(string name) => name.Length == 16 && name.All(char.IsAsciiHexDigitLower);

    private static FileStream? TryLock(string root, string key)
    {
        try
        {
            return new FileStream(Path.Combine(root, key + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void Evict(string root, string keep, int maxTrees)
    {
        // Only folders this class made (a key's name and its identity.txt): a TreesDirectory set to a folder that holds
        // anything else must never lose it.
        var others = new DirectoryInfo(root).EnumerateDirectories()
            .Where(d => d.Name != keep && IsKey(d.Name) && File.Exists(Path.Combine(d.FullName, "identity.txt")))
            .OrderByDescending(d => d.LastWriteTimeUtc)
            .Skip(maxTrees - 1);
        foreach (var old in others)
        {
            using var lockFile = TryLock(root, old.Name);
            if (lockFile is not null)
            {
                old.Delete(recursive: true);
            }
        }
    }
}
