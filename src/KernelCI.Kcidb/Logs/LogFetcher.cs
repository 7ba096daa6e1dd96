using System.Net;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Kcidb.Logs;

/// <summary>Fetches a log's headers, following redirects itself (the named client follows none) so that each hop is
/// checked against the allowlist: a redirect out of it is refused, never followed.</summary>
internal static class LogFetcher
{
    public const string ClientName = "dashboard-proxy";

    private const int MaxRedirects = 5;

    public static async Task<HttpResponseMessage> FetchAsync(HttpClient client, Uri url, ProxyAllowlist allowlist, CancellationToken cancellationToken,
        (long First, long? Last)? range = null)
    {
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (range is var (first, last))
            {
                request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(first, last);
            }

            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!IsRedirect(response.StatusCode))
            {
                return response;
            }

            var location = response.Headers.Location;
            response.Dispose();
            if (location is null)
            {
                throw new ProxyException(StatusCodes.Status502BadGateway, "url: the log server redirected without a Location");
            }

            var next = location.IsAbsoluteUri ? location : new Uri(url, location);
            if (!allowlist.Allows(next))
            {
                throw new ProxyException(StatusCodes.Status403Forbidden, $"url: redirected to {Describe(next)}, which is not an allowed log host");
            }

            if (hop == MaxRedirects)
            {
                throw new ProxyException(StatusCodes.Status502BadGateway, $"url: more than {MaxRedirects} redirects");
            }

            url = next;
        }
    }

    public static string Describe(Uri uri) => ProxyAllowlist.IsWeb(uri) ? uri.GetLeftPart(UriPartial.Authority) : uri.Scheme + ":";

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
