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
            && HttpDate.Seconds(stored.LastModified) <= since;
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
            return HttpDate.Seconds(stored.LastModified) == date;
        }

        return EntityTagHeaderValue.TryParse(ifRange, out var tag) && tag.Compare(EntityTag(stored), useStrongComparison: true);
    }

    private static EntityTagHeaderValue EntityTag(StoredObject stored) =>
        EntityTagHeaderValue.TryParse(stored.ETag, out var tag) ? tag : new EntityTagHeaderValue("\"\"");
}
