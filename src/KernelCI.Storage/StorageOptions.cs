namespace KernelCI.Storage;

/// <summary>The "Storage" configuration section.</summary>
public sealed record StorageOptions
{
    /// <summary>"local" (files under DIR/storage/files) or "azure" (Azure Blob Storage, upstream's production backend).</summary>
    public string Backend { get; init; } = "local";

    public AzureBlobOptions Azure { get; init; } = new();

    /// <summary>Who may upload where; with no users, any valid token may write anywhere (as upstream).</summary>
    public IReadOnlyList<StorageUser> Users { get; init; } = [];

    /// <summary>Extra JWT secrets accepted besides the data folder's own (upstream's unified_secret).</summary>
    public IReadOnlyList<string> ExtraSecrets { get; init; } = [];

    /// <summary>Largest single file (and largest archive) accepted: upstream's 4 GiB body limit.</summary>
    public long MaxFileBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    public int MaxArchiveFiles { get; init; } = 10_000;

    public long MaxArchiveBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    public long MaxArchiveEntryBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Most names one /v1/list page returns.</summary>
    public int MaxListPage { get; init; } = 10_000;

    /// <summary>Memory the local backend may use to keep whole small objects (up to Transport:SingleWriteBytes each)
    /// with their open-file cache entries, so a hot small download is a copy from memory instead of a file read;
    /// over it, downloads read the file as before. 0 keeps none.</summary>
    public long ContentCacheBytes { get; init; } = 64L * 1024 * 1024;

    public StorageTransportOptions Transport { get; init; } = new();
}
