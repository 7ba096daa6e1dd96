namespace KernelCI.Pipeline.Services.Patchset;

/// <summary>A patch could not be fetched this time (no answer in time, refused, a 5xx): the node is tried again next
/// poll, and fails once this has happened PatchsetOptions.MaxAttempts times in a row.</summary>
internal sealed class PatchDownloadException(string message, Exception? inner = null) : Exception(message, inner);
