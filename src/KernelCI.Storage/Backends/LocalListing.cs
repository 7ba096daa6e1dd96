namespace KernelCI.Storage.Backends;

/// <summary>Listing of the files folder in ordinal key order. The walk is lazy and visits each folder's entries
/// sorted as keys sort (a folder as "name/"), so a page stops as soon as it is full instead of reading the tree.</summary>
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

        var page = Walk(new DirectoryInfo(start), folder, recursive: !directories)
            .Where(e => e.Name.StartsWith(prefix, StringComparison.Ordinal) && (marker is null || string.CompareOrdinal(e.Name, marker) > 0))
            .Take(limit + 1)
            .ToList();
        if (page.Count <= limit)
        {
            return new ListPage(page, null);
        }

        page.RemoveAt(limit);
        return new ListPage(page, page[^1].Name);
    }

    private static IEnumerable<ListedItem> Walk(DirectoryInfo folder, string relative, bool recursive)
    {
        var entries = folder.EnumerateFileSystemInfos()
            .Select(e => (Info: e, Key: relative + e.Name + (e is DirectoryInfo ? "/" : "")))
            .OrderBy(e => e.Key, StringComparer.Ordinal);
        foreach (var (info, key) in entries)
        {
            if (info is FileInfo file)
            {
                yield return new ListedItem(key, false, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
            }
            else if (!recursive)
            {
                yield return new ListedItem(key, true, 0, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero));
            }
            else
            {
                foreach (var item in Walk((DirectoryInfo)info, key, recursive))
                {
                    yield return item;
                }
            }
        }
    }
}
