namespace KernelCI.Client.Watching;

/// <summary>Progress of a watch: a node that changed, or a note on the watch itself (<see cref="Detail"/>).</summary>
public sealed record WatchUpdate(WatchUpdateKind Kind, WatchedNode? Node = null, string? Detail = null);
