namespace KernelCI.Pipeline;

/// <summary>Every folder or file path the pipeline builds from a name it was given (a tree, a job, a node id, a
/// tarball name) goes through here: each name must be one plain path segment, and the result must stay below the root
/// it was joined to, so that no input can reach a folder the pipeline does not own (docs/pipeline.md, "Accepted
/// URLs and tree names").</summary>
public static class SafePaths
{
    /// <summary><paramref name="root"/>/<paramref name="segments"/>, fully resolved; <see cref="UnsafePathException"/>
    /// when a segment is not a plain name or the result is not strictly below the root.</summary>
    public static string Under(string root, params string[] segments)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var path = fullRoot;
        foreach (var segment in segments)
        {
            if (!IsSegment(segment))
            {
                throw new UnsafePathException($"'{segment}' is not a plain file name");
            }

            path = Path.Join(path, segment);
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        return IsBelow(fullRoot, full) ? full : throw new UnsafePathException($"'{full}' is not below '{fullRoot}'");
    }

    /// <summary>One path segment that names something in its folder: not empty, not `.` or `..`, no separator, no NUL or
    /// other control character.</summary>
    public static bool IsSegment(string? name) =>
        name is { Length: > 0 and <= 255 } && name is not ("." or "..")
        && name.IndexOfAny(['/', '\\']) < 0 && !name.Any(char.IsControl);

    /// <summary>Whether <paramref name="path"/> is strictly below <paramref name="root"/> once both are resolved.</summary>
    public static bool IsBelow(string root, string path)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        fullRoot = Path.EndsInDirectorySeparator(fullRoot) ? fullRoot : fullRoot + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(path);
        return full.Length > fullRoot.Length && full.StartsWith(fullRoot, StringComparison.Ordinal);
    }
}
