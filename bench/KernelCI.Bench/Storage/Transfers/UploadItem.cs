namespace KernelCI.Bench.Storage.Transfers;

/// <summary>One file part to POST: stored as <paramref name="Path"/>/<paramref name="FileName"/>; <paramref name="Open"/>
/// makes a fresh body for each attempt.</summary>
internal sealed record UploadItem(string Path, string FileName, long Length, Func<HttpContent> Open)
{
    public StoredFile Stored => new($"{Path}/{FileName}", Length);

    public static UploadItem FromFile(string path, string fileName, string source) => new(path, fileName, new FileInfo(source).Length, () =>
        new StreamContent(
            new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan),
            Transfer.BufferSize));

    public static UploadItem FromMemory(string path, string fileName, ReadOnlyMemory<byte> content) =>
        new(path, fileName, content.Length, () => new ReadOnlyMemoryContent(content));
}
