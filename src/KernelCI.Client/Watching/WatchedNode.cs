namespace KernelCI.Client.Watching;

/// <summary>A node of the watched tree as last seen, with its <see cref="NodeStatus"/> under upstream's rules.</summary>
public sealed record WatchedNode(string Id, string Name, string Kind, string State, string? Result, NodeStatus Status, DateTime? Created, DateTime? Updated);
