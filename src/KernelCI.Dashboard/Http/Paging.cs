using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Http;

/// <summary>Pages a list already in memory in a stable order: by the chosen sort key, then by id.</summary>
internal static class Paging
{
    /// <summary>The page of <paramref name="items"/> the request asks for, and the cursor of the next one (null at the
    /// end). Unpaged requests get the list as it is. The cursor also goes out in the X-Next-Cursor header, so array
    /// answers (upstream's shape) can page too.</summary>
    public static IReadOnlyList<T> Apply<T>(HttpContext http, IReadOnlyList<T> items, PageRequest page,
        Func<T, string, object?> sortValue, Func<T, string> id, out string? nextCursor)
    {
        nextCursor = null;
        if (!page.IsPaged)
        {
            return items;
        }

        var comparer = Comparer<object?>.Create(CompareValues);
        IEnumerable<T> ordered = page.Sort is null
            ? items.OrderBy(id, StringComparer.Ordinal)
            : page.Descending
                ? items.OrderByDescending(i => sortValue(i, page.Sort), comparer).ThenBy(id, StringComparer.Ordinal)
                : items.OrderBy(i => sortValue(i, page.Sort), comparer).ThenBy(id, StringComparer.Ordinal);
        if (page.After is { } after)
        {
            ordered = ordered.SkipWhile(i => !IsAfter(i, after, page, sortValue, id));
        }

        var result = ordered.Take(page.Limit!.Value + 1).ToList();
        if (result.Count > page.Limit)
        {
            result.RemoveAt(result.Count - 1);
            var last = result[^1];
            nextCursor = new PageCursor(page.Sort is null ? null : PageCursor.Text(sortValue(last, page.Sort)), id(last)).Encode();
            http.Response.Headers[PageRequest.NextCursorHeader] = nextCursor;
        }

        return result;
    }

    private static bool IsAfter<T>(T item, PageCursor after, PageRequest page, Func<T, string, object?> sortValue, Func<T, string> id)
    {
        if (page.Sort is not null)
        {
            var byValue = CompareValues(sortValue(item, page.Sort), after.Value);
            var order = page.Descending ? -byValue : byValue;
            if (order != 0)
            {
                return order > 0;
            }
        }

        return string.CompareOrdinal(id(item), after.Id) > 0;
    }

    // Numbers compare as numbers (also against a cursor's text), everything else as ordinal text; nulls first.
    private static int CompareValues(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        if (ToDouble(a) is { } x && ToDouble(b) is { } y)
        {
            return x.CompareTo(y);
        }

        return string.CompareOrdinal(PageCursor.Text(a), PageCursor.Text(b));
    }

    private static double? ToDouble(object value) => value switch
    {
        double d => d,
        long l => l,
        int i => i,
        string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}
