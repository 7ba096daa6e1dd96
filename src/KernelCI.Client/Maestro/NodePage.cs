namespace KernelCI.Client.Maestro;

/// <summary>One page of GET /nodes.</summary>
public sealed record NodePage(IReadOnlyList<MaestroNode> Items, long Total, int? Limit, int Offset);
