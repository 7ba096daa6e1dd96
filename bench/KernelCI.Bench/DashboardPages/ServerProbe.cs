using System.Diagnostics;

namespace KernelCI.Bench.DashboardPages;

/// <summary>Asks the server for a page one request at a time, after some untimed ones (`--warm-up`, 3 by default), and times the first byte of
/// the answer (headers read) and its end. A page that does not answer 200 stops the run.</summary>
internal sealed class ServerProbe(HttpClient http, int requests, int warmUp)
{
    public async Task<ServerTimes> TimeAsync(PageTarget page, CancellationToken cancellationToken)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await OnceAsync(page, cancellationToken);
        }

        var firstByte = new List<double>(requests);
        var whole = new List<double>(requests);
        long bytes = 0;
        for (var i = 0; i < requests; i++)
        {
            var (first, all, length) = await OnceAsync(page, cancellationToken);
            firstByte.Add(first);
            whole.Add(all);
            bytes = length;
        }

        return new ServerTimes(firstByte, whole, bytes);
    }

    private async Task<(double FirstByte, double Whole, long Bytes)> OnceAsync(PageTarget page, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var response = await http.GetAsync(page.Path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[16 * 1024];
        var read = await body.ReadAsync(buffer, cancellationToken);
        var firstByte = stopwatch.Elapsed.TotalMilliseconds;
        long length = read;
        while (read > 0)
        {
            read = await body.ReadAsync(buffer, cancellationToken);
            length += read;
        }

        var whole = stopwatch.Elapsed.TotalMilliseconds;
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            throw new BenchFailure($"{page.Name}: GET {page.Path} answered {(int)response.StatusCode}");
        }

        return (firstByte, whole, length);
    }
}
