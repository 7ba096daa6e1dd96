namespace KernelCI.Storage.Backends;

/// <summary>Upstream's extension table; anything else is application/octet-stream.</summary>
internal static class ContentTypes
{
    public const string Default = "application/octet-stream";

    public static string FromName(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".txt" or ".log" => "text/plain",
        ".gz" => "application/gzip",
        ".tar" => "application/x-tar",
        ".zip" => "application/zip",
        ".tgz" => "application/x-gzip",
        ".xz" => "application/x-xz",
        ".lz" => "application/x-lzip",
        ".json" => "application/json",
        _ => Default,
    };
}
