namespace KernelCI.Pipeline.Services.Patchwork;

public sealed record PatchworkHealthReply(string Status, IReadOnlyList<ProjectHealth> Projects);
