namespace KernelCI.Client.Bisection;

/// <summary>One piece of a step's evidence: a node the run made or read, its result and its log, so the developer can
/// check the verdict.</summary>
public sealed record StepNode(string Id, string Name, string? State, string? Result, string? LogUrl = null);
