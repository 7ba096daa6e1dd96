using System.Globalization;
using System.Net;
using System.Text;
using System.Web;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>A dashboard answering `tree/{sha}/tests` for a build of <c>total</c> tests, generated page by page as our
/// paging does (`limit`, `cursor`, `X-Next-Cursor`), so a huge list costs the server nothing; <c>onPage</c> runs before
/// each page is answered.</summary>
internal sealed class GeneratedTestsServer(int total, Action onPage) : HttpMessageHandler
{
    public int Pages { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        onPage();
        Pages++;
        var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var limit = int.Parse(query["limit"]!, CultureInfo.InvariantCulture);
        var start = query["cursor"] is { } cursor ? int.Parse(cursor, CultureInfo.InvariantCulture) : 0;
        var end = Math.Min(total, start + limit);
        var body = new StringBuilder("{\"tests\":[");
        for (var i = start; i < end; i++)
        {
            body.Append(i == start ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""
                {"id":"maestro:t-{{i}}","path":"suite.case{{i}}","status":"PASS","start_time":"2026-12-01T10:00:00Z","duration":1,
                 "environment_compatible":null,"config":"defconfig","log_url":"https://storage.example/{{i}}.log.gz","architecture":"x86_64",
                 "compiler":"gcc-12","environment_misc":{"platform":"qemu-x86"},"lab":"shell"}
                """);
        }

        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body.Append("]}").ToString(), Encoding.UTF8, "application/json") };
        if (end < total)
        {
            response.Headers.Add("X-Next-Cursor", end.ToString(CultureInfo.InvariantCulture));
        }

        return Task.FromResult(response);
    }
}
