using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Proxy;
using KernelCI.Dashboard.Web.Shared;
using KernelCI.Dashboard.Web.Trees;
using KernelCI.Kcidb.Logs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Web.Logs;

/// <summary>`/log?url=…[&amp;offset=][&amp;build=|&amp;test=]`: a log read through the API's proxy service in process (our
/// storage and Dashboard:ProxyAllowedHosts only, gzip undone there), shown a part at a time with its lines numbered and
/// marked (docs/dashboard.md, "Log viewer"). Upstream's `/log-viewer?url=&amp;type=&amp;itemId=` redirects here.</summary>
internal static class LogPages
{
    public static RouteGroupBuilder MapLogPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/log", ViewAsync);
        // Upstream's viewer (kernelci/dashboard:dashboard/src/routes/log-viewer.tsx), which its pages and emails link to.
        pages.MapGet("/log-viewer", (HttpContext http) =>
        {
            var query = http.Request.Query;
            var item = QueryValues.Optional(query, "type") is "build" or "test" ? QueryValues.Optional(query, "itemId") : null;
            var pairs = new List<KeyValuePair<string, string>> { new("url", QueryValues.Required(query, "url")) };
            if (item is not null)
            {
                pairs.Add(new(QueryValues.Optional(query, "type")!, item));
            }

            return TypedResults.Redirect(new PageLink("/log", pairs).With());
        });
        return pages;
    }

    private static async Task<IResult> ViewAsync(HttpContext http, LogProxy proxy, DashboardOptions options, TimeProvider time)
    {
        var query = http.Request.Query;
        var text = QueryValues.Required(query, "url");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || !ProxyAllowlist.IsWeb(url))
        {
            throw new BadParameterException("url", "must be an absolute http or https URL");
        }

        var offset = Whole(query, "offset", 0, "must be a whole number of bytes from 0");
        // Our own part links carry the first line's number, so a later part is fetched by a range from just before it;
        // a hand-made offset without one is read from the log's start to count its lines.
        long? line = QueryValues.Optional(query, "line") is null ? null : Whole(query, "line", 1, "must be a line number from 1");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.ProxyTimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, timeout.Token);
        LogPart part;
        try
        {
            var from = line is null ? 0 : Math.Max(0, offset - LogPartReader.LookBehind);
            await using var log = await proxy.OpenFromAsync(url, from, linked.Token);
            part = await LogPartReader.ReadAsync(log.Text, log.Start, offset, log.Start > 0 ? line : null, log.Length, linked.Token);
        }
        catch (ProxyException e)
        {
            return PageResults.Error(e.Status, e.Message);
        }
        catch (LogTooLargeException e)
        {
            return PageResults.Error(StatusCodes.Status413PayloadTooLarge, "url: " + e.Message);
        }
        catch (InvalidDataException)
        {
            return PageResults.Error(StatusCodes.Status502BadGateway, "url: the log starts as gzip but is not valid gzip");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            return PageResults.Error(StatusCodes.Status504GatewayTimeout, $"url: the log server took longer than {options.ProxyTimeoutSeconds} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return PageResults.Error(StatusCodes.Status502BadGateway, "url: could not fetch the log: " + e.Message);
        }

        var link = PageLink.From("/log", query);
        var (back, label) = QueryValues.Optional(query, "build") is { } build ? ("/build/" + TreeUrls.Escape(build), "Build " + build)
            : QueryValues.Optional(query, "test") is { } test ? ("/test/" + TreeUrls.Escape(test), "Test " + test)
            : ((string?)null, (string?)null);
        var previous = part.PreviousStart switch
        {
            null => null,
            0 => link.With(("offset", null), ("line", null)),
            { } start => link.With(("offset", Number(start)), ("line", Number(part.PreviousLine!.Value))),
        };
        var next = part.HasMore ? link.With(("offset", Number(part.End)), ("line", Number(part.NextLine))) : null;
        var name = url.Segments.LastOrDefault() is { Length: > 1 } last ? Uri.UnescapeDataString(last.TrimEnd('/')) : url.Host;
        return PageResults.Page<LogPage>(new LogView(text, name, part, previous, next, "/api/proxy?url=" + Uri.EscapeDataString(text), back, label));
    }

    private static long Whole(IQueryCollection query, string name, long least, string rule)
    {
        if (QueryValues.Optional(query, name) is not { } text)
        {
            return least;
        }

        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= least
            ? value
            : throw new BadParameterException(name, rule);
    }

    private static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
