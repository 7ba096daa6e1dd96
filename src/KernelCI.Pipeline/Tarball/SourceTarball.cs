using KernelCI.Client.Storage;
using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Tarball;

/// <summary>`git archive --prefix=NAME/ COMMIT`, compressed on every core and uploaded at the storage root while it is
/// being compressed. `git archive` reads the commit from the cache's pack, one file read sequentially; a checked-out
/// work tree is 80,000 files whose page cache a host under memory pressure evicts between two commits.</summary>
internal sealed class SourceTarball(GitRunner git, StorageClient storage, PipelineOptions options)
{
    /// <summary>Builds and uploads NAME.tar.gz; returns the storage path.</summary>
    public async Task<string> UploadAsync(string repository, string commit, string name, CancellationToken cancellationToken)
    {
        var fileName = name + ".tar.gz";
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
