namespace KernelCI.Pipeline.Services.Tarball.Archive;

/// <summary>A commit the incremental archive does not reproduce exactly (export attributes, huge files, paths that are
/// not UTF-8): the caller falls back to `git archive`.</summary>
internal sealed class UnsupportedArchiveException(string message) : Exception(message);
