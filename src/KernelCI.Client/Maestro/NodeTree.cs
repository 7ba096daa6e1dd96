using System.Text.Json.Serialization;

namespace KernelCI.Client.Maestro;

/// <summary>The body of PUT /nodes/{id}: a node and its children, recursively.</summary>
public sealed record NodeTree(MaestroNode Node, [property: JsonPropertyName("child_nodes")] IReadOnlyList<NodeTree> ChildNodes);
