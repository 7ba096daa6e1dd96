using System.Diagnostics;
using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Storage.Servers;

internal static class Readiness
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Polls <paramref name="url"/> until it answers (any status when <paramref name="anyStatus"/>, else a 2xx).</summary>
    public static async Task WaitAsync(HttpClient http, Uri url, ServerProcess server, bool anyStatus, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            if (server.HasExited)
            {
                throw new BenchFailure($"{url.Authority}: the server exited while starting:\n" + server.Tail());
            }

            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (anyStatus || response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (stopwatch.Elapsed > Timeout)
            {
                throw new BenchFailure($"{url} did not answer within {Timeout.TotalSeconds} s:\n" + server.Tail());
            }
        }
    }
}
