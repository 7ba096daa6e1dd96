namespace KernelCI.Pipeline.Services.Patchset;

/// <summary>A patchset that cannot be applied; the message names the patch (and path) and becomes data.error_msg.</summary>
internal sealed class PatchRejectedException(string message) : Exception(message);
