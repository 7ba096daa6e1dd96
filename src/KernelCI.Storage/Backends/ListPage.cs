namespace KernelCI.Storage.Backends;

public sealed record ListPage(IReadOnlyList<ListedItem> Items, string? NextMarker);
