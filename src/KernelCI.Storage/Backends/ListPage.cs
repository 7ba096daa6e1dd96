namespace KernelCI.Storage.Backends;

internal sealed record ListPage(IReadOnlyList<ListedItem> Items, string? NextMarker);
