using System.Text;

namespace KernelCI.Storage.Files;

/// <summary>Turns client-supplied paths into object keys, refusing every form of traversal: `..`, absolute paths,
/// drive letters, backslashes, NUL and control characters, in plain or percent-encoded form.</summary>
internal static class StorageKey
{
    public const int MaxKeyBytes = 1024;

    public const int MaxSegmentBytes = 255;

    public const int MaxSegments = 254;

    /// <summary>Upstream's key for an upload: the `path` field less one trailing '/', then '/' and the part's filename.</summary>
    public static bool TryFromUpload(string? pathField, string fileName, out string key, out string error)
    {
        var folder = pathField ?? "";
        if (folder.EndsWith('/'))
        {
            folder = folder[..^1];
        }

        // A leading '/' is how some clients spell the root, as upstream accepts it; a filename must be relative.
        folder = folder.StartsWith('/') && !folder.StartsWith("//", StringComparison.Ordinal) ? folder[1..] : folder;
        if (fileName.Length == 0)
        {
            key = "";
            error = "the file part has no filename";
            return false;
        }

        return TryNormalise(folder.Length == 0 ? fileName : folder + "/" + fileName, out key, out error);
    }

    /// <summary>A key from a request path (raw, still percent-encoded), as sent for a download.</summary>
    public static bool TryFromUrl(string rawPath, out string key, out string error)
    {
        // Checked before decoding too: "/%2e%2e/x" and "/../x" must both be refused, never resolved.
        var path = rawPath.Length > 0 && rawPath[0] == '/' ? rawPath[1..] : rawPath;
        if (IsTraversal(path))
        {
            key = "";
            error = "Path traversal detected";
            return false;
        }

        return TryNormalise(Uri.UnescapeDataString(path), out key, out error);
    }

    /// <summary>A listing prefix: "" or a key-like string, possibly ending in '/'.</summary>
    public static bool TryPrefix(string? prefix, out string normalised, out string error)
    {
        normalised = (prefix ?? "").TrimStart('/');
        if (normalised.Length == 0)
        {
            error = "";
            return true;
        }

        var trailing = normalised.EndsWith('/');
        if (!TryNormalise(trailing ? normalised[..^1] : normalised, out var key, out error))
        {
            return false;
        }

        normalised = trailing ? key + "/" : key;
        return true;
    }

    /// <summary>A listing marker is one this server handed out (X-Next-Marker, a page link): a key on the local
    /// backend, Azure's opaque token otherwise. Neither holds control characters, and Azure answers them with a 500.</summary>
    public static bool IsMarker(string marker) =>
        marker.Length <= 4096 && !marker.AsSpan().ContainsAnyInRange('\u0000', '\u001f') && !marker.AsSpan().ContainsAnyInRange('\u007f', '\u009f');

    public static bool TryNormalise(string candidate, out string key, out string error)
    {
        key = "";
        if (IsTraversal(candidate) || IsTraversal(Uri.UnescapeDataString(candidate)) || IsTraversal(Uri.UnescapeDataString(Uri.UnescapeDataString(candidate))))
        {
            error = "Path traversal detected";
            return false;
        }

        if (candidate.Length == 0)
        {
            error = "the path is empty";
            return false;
        }

        if (HasEmptyOrDotSegment(candidate))
        {
            error = "the path has an empty or '.' segment";
            return false;
        }

        if (TooLong(candidate) is { } tooLong)
        {
            error = tooLong;
            return false;
        }

        error = "";
        key = candidate;
        return true;
    }

    // Every download runs this on its key: span searches, where LINQ over the characters and string.Split cost a few
    // percent of the server's CPU per small file. The ranges are exactly char.IsControl's (C0, DEL and C1).
    private static bool IsTraversal(string path) =>
        path.Contains("..", StringComparison.Ordinal)
        || path.StartsWith('/')
        || path.Contains('\\', StringComparison.Ordinal)
        || path.AsSpan().ContainsAnyInRange('\u0000', '\u001f')
        || path.AsSpan().ContainsAnyInRange('\u007f', '\u009f')
        || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':');

    // The local backend's limits are Linux's (NAME_MAX 255 bytes a name, PATH_MAX 4096 for the whole path under the
    // data folder), Azure's are 1,024 characters and 254 segments a blob name: the same bounds for both, in bytes.
    private static string? TooLong(string key)
    {
        var bytes = Encoding.UTF8.GetByteCount(key);
        if (bytes > MaxKeyBytes)
        {
            return $"the path '{EntryNames.Quote(key)}' is {bytes} bytes long; at most {MaxKeyBytes} are allowed";
        }

        var span = key.AsSpan();
        var segments = 0;
        foreach (var range in span.Split('/'))
        {
            var segmentBytes = Encoding.UTF8.GetByteCount(span[range]);
            if (segmentBytes > MaxSegmentBytes)
            {
                return $"the name '{EntryNames.Quote(span[range].ToString())}' is {segmentBytes} bytes long; each file or folder name may have at most {MaxSegmentBytes}";
            }

            segments++;
        }

        return segments > MaxSegments ? $"the path '{EntryNames.Quote(key)}' has {segments} segments; at most {MaxSegments} are allowed" : null;
    }

    private static bool HasEmptyOrDotSegment(string path)
    {
        var span = path.AsSpan();
        foreach (var range in span.Split('/'))
        {
            var segment = span[range];
            if (segment.Length == 0 || segment is ".")
            {
                return true;
            }
        }

        return false;
    }
}
