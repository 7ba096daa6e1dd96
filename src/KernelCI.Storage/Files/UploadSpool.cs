using KernelCI.ServiceDefaults;

namespace KernelCI.Storage.Files;

/// <summary>Temporary files for request bodies that must be read before they can be stored (a file part before
/// `path`, an archive). Emptied at start, since a crash leaves them behind.</summary>
internal sealed class UploadSpool
{
    public UploadSpool(string directory)
    {
        Directory = directory;
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        DataFolder.Create(directory);
    }

    public string Directory { get; }

    public async Task<string> SaveAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        var path = NewPath();
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            await new LimitedStream(content, limit).CopyToAsync(file, 1024 * 1024, cancellationToken);
            return path;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public string NewPath() => Path.Combine(Directory, Guid.NewGuid().ToString("N"));

    public void Delete(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            File.Delete(path);
        }
    }
}
