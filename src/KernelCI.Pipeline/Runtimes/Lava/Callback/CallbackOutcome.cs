namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>A callback's verdict on its job node: result, LAVA's error code and message (for an incomplete job), the
/// children to write under it, and the artifacts a passed `artifact-upload:NAME:URL` case named.</summary>
internal sealed record CallbackOutcome(string Result, string? ErrorCode, string? ErrorMessage, IReadOnlyList<CallbackNode> Children,
    IReadOnlyDictionary<string, string> UploadedArtifacts);
