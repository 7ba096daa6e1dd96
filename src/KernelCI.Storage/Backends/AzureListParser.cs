using System.Globalization;
using System.Xml.Linq;

namespace KernelCI.Storage.Backends;

/// <summary>Reads a List Blobs reply: blobs and, with a delimiter, BlobPrefix entries.</summary>
internal static class AzureListParser
{
    public static ListPage Parse(Stream xml)
    {
        var root = XDocument.Load(xml).Root!;
        var blobs = root.Element("Blobs");
        var items = new List<ListedItem>();
        foreach (var blob in blobs?.Elements("Blob") ?? [])
        {
            var properties = blob.Element("Properties");
            items.Add(new ListedItem(
                (string)blob.Element("Name")!,
                false,
                long.Parse((string?)properties?.Element("Content-Length") ?? "0", CultureInfo.InvariantCulture),
                DateTimeOffset.Parse((string?)properties?.Element("Last-Modified") ?? "Thu, 01 Jan 1970 00:00:00 GMT", CultureInfo.InvariantCulture)));
        }

        foreach (var prefix in blobs?.Elements("BlobPrefix") ?? [])
        {
            items.Add(new ListedItem((string)prefix.Element("Name")!, true, 0, DateTimeOffset.UnixEpoch));
        }

        items.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var next = (string?)root.Element("NextMarker");
        return new ListPage(items, string.IsNullOrEmpty(next) ? null : next);
    }
}
