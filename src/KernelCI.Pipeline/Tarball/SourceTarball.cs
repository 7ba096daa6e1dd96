using System.IO.Compression;
using KernelCI.Client.Storage;
using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Tarball;

/// <summary>`git archive --prefix=NAME/ COMMIT | gzip` into a scratch file, then one upload at the storage root.
/// .NET's GZipStream at Fastest compresses a Linux tree several times faster than gzip -6 (what `git archive
/// --format=tar.gz` uses); the scratch file lets the storage client resend the tarball when storage is briefly
/// down, which a pipe cannot.</summary>
internal sealed class SourceTarball(GitRunner git, StorageClient storage, PipelineOptions options)
{
    /// <summary>Builds and uploads NAME.tar.gz; returns the storage path.</summary>
    public async Task<string> UploadAsync(string repository, string commit, string name, CancellationToken cancellationToken)
    {
        var fileName = name + ".tar.gz";
        var scratch = Path.Combine(options.WorkDirectory ?? Path.GetTempPath(), "tarball");
        Directory.CreateDirectory(scratch);
        var file = Path.Combine(scratch, Guid.NewGuid().ToString("N") + ".tar.gz");
        try
        {
            await using (var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous))
            await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            {
                await git.StreamAsync(repository, ["archive", "--format=tar", $"--prefix={name}/", commit],
                    (stdout, ct) => stdout.CopyToAsync(gzip, 1 << 20, ct), cancellationToken);
            }

            await storage.UploadAsync("", fileName, () => File.OpenRead(file), cancellationToken);
            return fileName;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
