namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>A check meant for one patch, as stored before it is posted.</summary>
internal sealed record PendingCheck(long PatchId, int Run, string Context, string State, string? TargetUrl, string Description);
