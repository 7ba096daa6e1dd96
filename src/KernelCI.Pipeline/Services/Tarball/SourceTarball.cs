using KernelCI.Client.Storage;
using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Services.Tarball.Archive;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Tarball;

/// <summary>`git archive --prefix=NAME/ COMMIT | gzip`, uploaded at the storage root. By default it is assembled from the
/// tree's cache of compressed files (<see cref="IncrementalArchive"/>); otherwise, and for commits the cache cannot
/// reproduce exactly, `git archive` is compressed on every core and uploaded while it is being compressed.</summary>
internal sealed class SourceTarball(GitRunner git, StorageClient storage, PipelineOptions options, IncrementalArchive archive,
    ILogger<SourceTarball> logger)
{
    /// <summary>Builds and uploads NAME.tar.gz; returns the storage path.</summary>
    public async Task<string> UploadAsync(string repository, string commit, string name, CancellationToken cancellationToken)
    {
        // The name holds the tree, the branch and git describe's output: it must stay one file at the storage root.
        var fileName = SafePaths.IsSegment(name + ".tar.gz") ? name + ".tar.gz" : throw new UnsafePathException($"'{name}' is not a plain file name");
        if (options.Tarball.Cache)
        {
            try
            {
                return await AssembleAsync(repository, await CommitListing.ReadAsync(git, repository, commit, cancellationToken), name,
                    fileName, cancellationToken);
            }
            catch (UnsupportedArchiveException e)
            {
                TarballLog.NotCached(logger, fileName, e.Message);
            }
        }

        return await StreamGitArchiveAsync(repository, commit, name, fileName, cancellationToken);
    }

    /// <summary>Builds and uploads NAME.tar.gz of <paramref name="tree"/> (a tree id, e.g. a patchset's), every entry
    /// dated <paramref name="time"/>, from the tree's cache only: throws <see cref="UnsupportedArchiveException"/> when
    /// the cache is off or cannot make it, and the caller has its own way.</summary>
    public async Task<string> UploadTreeAsync(string repository, string tree, long time, string name, CancellationToken cancellationToken)
    {
        var fileName = SafePaths.IsSegment(name + ".tar.gz") ? name + ".tar.gz" : throw new UnsafePathException($"'{name}' is not a plain file name");
        if (!options.Tarball.Cache)
        {
            throw new UnsupportedArchiveException("the tarball cache is off (Tarball:Cache)");
        }

        return await AssembleAsync(repository, await CommitListing.ReadTreeAsync(git, repository, tree, time, cancellationToken), name,
            fileName, cancellationToken);
    }

    private async Task<string> AssembleAsync(string repository, CommitListing listing, string name, string fileName,
        CancellationToken cancellationToken)
    {
        var plan = await archive.WriteAsync(repository, CacheDirectoryOf(repository), listing, name,
            plan => storage.UploadAsync("", fileName, plan.OpenRead, cancellationToken), cancellationToken);
        TarballLog.Assembled(logger, fileName, plan.Reused, plan.Compressed, plan.Length);
        return fileName;
    }

    // The git cache is WorkDirectory/git/NAME; its pieces go to WorkDirectory/tarball-cache/NAME.
    private string CacheDirectoryOf(string repository) =>
        SafePaths.Under(options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "kernelci-pipeline"), "tarball-cache",
            Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(repository))));

    private async Task<string> StreamGitArchiveAsync(string repository, string commit, string name, string fileName, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(options.WorkDirectory ?? Path.GetTempPath(), "tarball");
        Directory.CreateDirectory(scratch);

        await using var compressed = new GrowingFile(Path.Combine(scratch, Guid.NewGuid().ToString("N") + ".tar.gz"));
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var upload = storage.UploadAsync("", fileName, compressed.OpenReader, abandon.Token);
        try
        {
            await using (var gzip = new ParallelGzipStream(compressed, leaveOpen: true))
            {
                await git.StreamAsync(repository, ["archive", "--format=tar", $"--prefix={name}/", commit],
                    (stdout, ct) => stdout.CopyToAsync(gzip, 1 << 20, ct), cancellationToken);
            }

            compressed.Complete();
        }
        catch (Exception e)
        {
            compressed.Fail(e);
            await abandon.CancelAsync();
            await upload.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }

        await upload;
        return fileName;
    }
}
