namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>One context's state for a series, from its nodes, with the check's one-line description.</summary>
internal sealed record ContextResult(string Context, string State, string Description);
