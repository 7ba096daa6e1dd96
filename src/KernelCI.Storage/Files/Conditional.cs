using KernelCI.Storage.Backends;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace KernelCI.Storage.Files;

/// <summary>RFC 7232 for GET/HEAD: If-None-Match (lists, weak comparison, *) wins over If-Modified-Since, which
/// compares dates at one-second precision; If-Range decides whether a Range applies.</summary>
internal static class Conditional
{
    public static bool NotModified(HttpRequest request, StoredObject stored)
    {
        var noneMatch = request.Headers.IfNoneMatch;
        if (noneMatch.Count > 0)
        {
            return EntityTagHeaderValue.TryParseList(noneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(EntityTag(stored), useStrongComparison: false));
        }

        return HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && Seconds(stored.LastModified) <= since;
    }

    public static bool RangeApplies(HttpRequest request, StoredObject stored)
    {
        var ifRange = request.Headers.IfRange.ToString();
        if (ifRange.Length == 0)
        {
            return true;
        }

        if (HeaderUtilities.TryParseDate(ifRange, out var date))
        {
            return Seconds(stored.LastModified) == date;
        }

        return EntityTagHeaderValue.TryParse(ifRange, out var tag) && tag.Compare(EntityTag(stored), useStrongComparison: true);
    }

    public static DateTimeOffset Seconds(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static EntityTagHeaderValue EntityTag(StoredObject stored) =>
        EntityTagHeaderValue.TryParse(stored.ETag, out var tag) ? tag : new EntityTagHeaderValue("\"\"");
}
