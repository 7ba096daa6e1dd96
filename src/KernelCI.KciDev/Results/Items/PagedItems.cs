using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results.Items;

/// <summary>A dashboard list read page by page (docs/dashboard-api.md, "Paging": `limit`, `cursor`, the next cursor in
/// `X-Next-Cursor`), yielding items as each page arrives, so only one page is ever held. Upstream's dashboard ignores
/// `limit` and sends no cursor: its one answer is the whole list, and reading ends there, complete.</summary>
internal static class PagedItems
{
    /// <summary>Items per page; `KCIDEV_PAGE_SIZE` overrides it (tests use small pages).</summary>
    public const int DefaultPageSize = 1000;

    public const string PageSizeVariable = "KCIDEV_PAGE_SIZE";

    public static int PageSize(CliContext context) => context.Environment(PageSizeVariable) switch
    {
        null or "" => DefaultPageSize,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= 10_000 => size,
        var text => throw new CliException($"{PageSizeVariable}={text}: must be a whole number from 1 to 10000"),
    };

    /// <param name="fetch">Sends one request with the paging parameters given and returns its page.</param>
    /// <param name="key">The list's key in an object answer (`builds`, `boots`, `tests`); an array answer is the list.</param>
    public static async IAsyncEnumerable<JsonObject> ReadAsync(Func<IReadOnlyList<KeyValuePair<string, string?>>, CancellationToken, Task<DashboardPage>> fetch,
        string key, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? cursor = null;
        do
        {
            var page = await fetch([new("limit", pageSize.ToString(CultureInfo.InvariantCulture)), new("cursor", cursor)], cancellationToken);
            var list = page.Body as JsonArray ?? (page.Body as JsonObject)?[key] as JsonArray
                ?? throw new CliException($"the dashboard's answer has no `{key}` list");
            foreach (var item in list.OfType<JsonObject>())
            {
                yield return item;
            }

            if (page.NextCursor is not null && page.NextCursor == cursor)
            {
                throw new CliException("the dashboard sent the same page cursor twice; stopping rather than looping");
            }

            cursor = page.NextCursor;
        }
        while (cursor is not null);
    }
}
