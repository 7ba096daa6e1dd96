using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Client.Storage;
using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Services.Tarball;

namespace KernelCI.Pipeline.Services.Patchset;

/// <summary>Applies one patchset node's patches on the parent checkout's source tree and uploads the result
/// (kernelci/kernelci-pipeline:src/patchset.py; docs/pipeline/services.md#patchset): from the git cache when it holds
/// the base (<see cref="GitCachePatchset"/>), else on the base's tarball as upstream does.</summary>
internal sealed class PatchsetApplier(StorageClient storage, PublicUrls urls, PatchDownloader downloader, GitCachePatchset fromGitCache,
    PipelineOptions options, PatchsetOptions patchsetOptions, TimeProvider timeProvider)
{
    /// <summary>The patched tarball's storage path and the patchset hash.</summary>
    public async Task<(string Path, string Hash)> ApplyAsync(MaestroNode node, MaestroNode parent, CancellationToken cancellationToken)
    {
        var tarballUrl = parent.Artifacts.GetValueOrDefault("tarball")
            ?? throw new PatchRejectedException($"parent checkout {parent.Id} has no tarball artifact");
        var tarballPath = urls.PathOf(tarballUrl)
            ?? throw new PatchRejectedException($"parent tarball {tarballUrl} is not on our storage");
        var patches = await DownloadAllAsync(node, cancellationToken);
        var hash = Hash(patches.Select(p => p.Content));
        var baseName = Path.GetFileName(tarballPath);
        baseName = baseName.EndsWith(".tar.gz", StringComparison.Ordinal) ? baseName[..^".tar.gz".Length] : baseName;
        var name = $"{baseName}-{hash[..13]}-{node.Id![^Math.Min(12, node.Id!.Length)..]}";

        var scratch = SafePaths.Under(options.WorkDirectory ?? Path.GetTempPath(), "patchset", node.Id!);
        Directory.CreateDirectory(scratch);
        try
        {
            if (!await fromGitCache.TryUploadAsync(node, parent, patches, name, scratch, cancellationToken))
            {
                await ApplyOnTarballAsync(tarballPath, patches, name, scratch, cancellationToken);
            }

            return (name + ".tar.gz", hash);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Upstream's way, kept for a base the git cache lacks (e.g. a checkout on another host) and for patches
    /// only GNU patch applies: the base's tarball downloaded, extracted, patched, re-packed and uploaded.</summary>
    private async Task ApplyOnTarballAsync(string tarballPath, IReadOnlyList<(string Name, byte[] Content, IReadOnlyList<string> Paths)> patches,
        string name, string scratch, CancellationToken cancellationToken)
    {
        var source = Path.Combine(scratch, "source.tar.gz");
        await storage.DownloadToFileAsync(tarballPath, source, cancellationToken);
        var extracted = Path.Combine(scratch, "tree");
        Directory.CreateDirectory(extracted);
        await using (var gzip = new GZipStream(File.OpenRead(source), CompressionMode.Decompress))
        {
            await TarFile.ExtractToDirectoryAsync(gzip, extracted, overwriteFiles: false, cancellationToken);
        }

        var tree = Directory.GetDirectories(extracted) is [var only] && Directory.GetFiles(extracted).Length == 0 ? only : extracted;
        var links = TreeLinks.Of(tree);
        foreach (var (patchName, content, paths) in patches)
        {
            links.CheckNotThroughLinks(patchName, paths);
            await ApplyOneAsync(tree, patchName, content, cancellationToken);
            links.CheckUnchanged(patchName, TreeLinks.Of(tree));
        }

        var named = SafePaths.Under(scratch, name);
        Directory.Move(tree, named);
        var output = SafePaths.Under(scratch, name + ".tar.gz");
        await using (var file = File.Create(output))
        await using (var gzip = new ParallelGzipStream(file))
        {
            await TarFile.CreateFromDirectoryAsync(named, gzip, includeBaseDirectory: true, cancellationToken);
        }

        await storage.UploadAsync("", name + ".tar.gz", () => File.OpenRead(output), cancellationToken);
    }

    public string PublicUrl(string path) => urls.For(path);

    /// <summary>Upstream's hash: sha256 over the hex sha256 of each patch, in order.</summary>
    public static string Hash(IEnumerable<byte[]> patches)
    {
        using var total = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var patch in patches)
        {
            total.AppendData(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(patch))));
        }

        return Convert.ToHexStringLower(total.GetHashAndReset());
    }

    private async Task<List<(string Name, byte[] Content, IReadOnlyList<string> Paths)>> DownloadAllAsync(MaestroNode node,
        CancellationToken cancellationToken)
    {
        var patches = new List<(string, byte[], IReadOnlyList<string>)>();
        // One budget for all of a node's patches: each wait is bounded already, but not a host dripping a byte at a time.
        using var budget = new CancellationTokenSource(patchsetOptions.DownloadTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        for (var i = 0; node.Artifacts.TryGetValue("patch" + i, out var url); i++)
        {
            var name = "patch" + i;
            byte[] content;
            try
            {
                content = await downloader.DownloadAsync(name, url, linked.Token);
            }
            catch (OperationCanceledException e) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new PatchDownloadException($"{name}: the patches were not downloaded within {patchsetOptions.DownloadTimeout.TotalSeconds:0.#} s", e);
            }

            patches.Add((name, content, PatchValidator.Check(name, content)));
        }

        return patches.Count > 0 ? patches : throw new PatchRejectedException("the node has no patch0 artifact");
    }

    private static async Task ApplyOneAsync(string tree, string name, byte[] content, CancellationToken cancellationToken)
    {
        var (exitCode, output) = await GitRunner.RunProgramAsync("patch", tree,
            ["-p1", "--unified", "--force", "--no-backup-if-mismatch", "--batch"], content, cancellationToken);
        if (exitCode != 0)
        {
            var excerpt = output.Length > 2000 ? output[..2000] : output;
            throw new PatchRejectedException($"{name} does not apply: {excerpt.Trim()}");
        }
    }
}
