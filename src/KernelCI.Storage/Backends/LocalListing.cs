namespace KernelCI.Storage.Backends;

internal static class LocalListing
{
    public static ListPage List(string root, string prefix, bool directories, string? marker, int limit)
    {
        var folder = prefix.Contains('/', StringComparison.Ordinal) ? prefix[..(prefix.LastIndexOf('/') + 1)] : "";
        var start = Path.Combine(root, folder);
        if (!Directory.Exists(start))
        {
            return new ListPage([], null);
        }

        var entries = directories ? OneLevel(root, start) : Recursive(root, start);
        var page = entries
            .Where(e => e.Name.StartsWith(prefix, StringComparison.Ordinal) && (marker is null || string.CompareOrdinal(e.Name, marker) > 0))
            .Order(Comparer<ListedItem>.Create((a, b) => string.CompareOrdinal(a.Name, b.Name)))
            .Take(limit + 1)
            .ToList();
        if (page.Count <= limit)
        {
            return new ListPage(page, null);
        }

        page.RemoveAt(limit);
        return new ListPage(page, page[^1].Name);
    }

    private static IEnumerable<ListedItem> Recursive(string root, string start) =>
        new DirectoryInfo(start).EnumerateFiles("*", SearchOption.AllDirectories).Select(f => File(root, f));

    private static IEnumerable<ListedItem> OneLevel(string root, string start) =>
        new DirectoryInfo(start).EnumerateFileSystemInfos().Select(e => e is FileInfo f
            ? File(root, f)
            : new ListedItem(Relative(root, e.FullName) + "/", true, 0, new DateTimeOffset(e.LastWriteTimeUtc, TimeSpan.Zero)));

    private static ListedItem File(string root, FileInfo file) =>
        new(Relative(root, file.FullName), false, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));

    private static string Relative(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
}
