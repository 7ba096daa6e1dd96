using KernelCI.Bench.Storage.Cpu;

namespace KernelCI.Bench.Storage.Transfers;

/// <summary>Runs each workload on our server and on nginx, in alternating order so that neither always goes first.</summary>
internal sealed class WorkloadRunner(StorageSettings settings, Endpoint ours, Endpoint nginx, TextWriter output)
{
    private const int WarmUpRounds = 2;

    public async Task<UploadResult> UploadAsync(string workload, IReadOnlyList<UploadItem> items, int clients, CancellationToken cancellationToken)
    {
        var pass = await Transfer.UploadAsync(ours.UploadHttp, ours.BaseUri, items, clients, cancellationToken);
        var result = new UploadResult(workload, clients, new TransferResult("kernelci", [pass], null));
        await output.WriteLineAsync($"upload {workload}: {pass.Requests} in {pass.Seconds:F2} s, {result.Ours.MegabytesPerSecond:F0} MB/s, {result.Ours.RequestsPerSecond:F0} req/s");
        return result;
    }

    /// <summary>Uploads one file through our server and PUTs it to nginx, alternating which goes first.</summary>
    public async Task<UploadResult> UploadBothAsync(string workload, UploadItem item, CancellationToken cancellationToken)
    {
        var put = new Uri(nginx.BaseUri, $"put/{item.Path}/{item.FileName}");
        var oursPasses = new List<Pass>();
        var nginxPasses = new List<Pass>();
        for (var repetition = 0; repetition < settings.UploadRepetitions; repetition++)
        {
            if (repetition % 2 == 1)
            {
                nginxPasses.Add(await Transfer.PutAsync(nginx.Http, put, item, cancellationToken));
            }

            oursPasses.Add(await Transfer.UploadAsync(ours.UploadHttp, ours.BaseUri, [item], 1, cancellationToken));
            if (repetition % 2 == 0)
            {
                nginxPasses.Add(await Transfer.PutAsync(nginx.Http, put, item, cancellationToken));
            }
        }

        var result = new UploadResult(workload, 1, new TransferResult(ours.Name, oursPasses, null), new TransferResult(nginx.Name, nginxPasses, null));
        await output.WriteLineAsync($"upload {workload}: kernelci {result.Ours.MegabytesPerSecond:F0} MB/s, nginx PUT {result.NginxPut!.MegabytesPerSecond:F0} MB/s");
        return result;
    }

    /// <summary>Untimed downloads from both servers, so that the timed passes see our server's JIT-compiled steady
    /// state (tiered compilation recompiles hot methods after their first thousands of calls) rather than its start.</summary>
    public async Task WarmUpAsync(IReadOnlyList<StoredFile> files, CancellationToken cancellationToken)
    {
        for (var round = 0; round < WarmUpRounds; round++)
        {
            await Transfer.DownloadAsync(ours.Http, ours.BaseUri, files, files.Count, settings.Clients, cancellationToken);
            await Transfer.DownloadAsync(nginx.Http, nginx.BaseUri, files, files.Count, settings.Clients, cancellationToken);
            await Transfer.DownloadAsync(ours.Http, ours.BaseUri, files, files.Count, 1, cancellationToken);
            await Transfer.DownloadAsync(nginx.Http, nginx.BaseUri, files, files.Count, 1, cancellationToken);
        }
    }

    public async Task<DownloadComparison> CompareAsync(
        string workload, IReadOnlyList<StoredFile> files, int requests, int clients, CancellationToken cancellationToken)
    {
        var passes = new Dictionary<Endpoint, List<Pass>> { [ours] = [], [nginx] = [] };
        for (var repetition = 0; repetition < settings.Repetitions; repetition++)
        {
            Endpoint[] order = repetition % 2 == 0 ? [ours, nginx] : [nginx, ours];
            foreach (var endpoint in order)
            {
                passes[endpoint].Add(await MeasuredAsync(endpoint, files, requests, clients, cancellationToken));
            }
        }

        var comparison = new DownloadComparison(workload, clients, Result(ours, passes[ours]), Result(nginx, passes[nginx]));
        await output.WriteLineAsync($"download {workload}: kernelci {comparison.Ours.MegabytesPerSecond:F0} MB/s, " +
            $"nginx {comparison.Nginx.MegabytesPerSecond:F0} MB/s (pairs {string.Join(' ', comparison.PairRatios.Select(r => $"{r:P0}"))}; median {comparison.Ratio:P0}); " +
            $"server CPU {comparison.Ours.ServerMicrosPerRequest:F1} / {comparison.Nginx.ServerMicrosPerRequest:F1} µs per request");
        return comparison;
    }

    private static async Task<Pass> MeasuredAsync(Endpoint endpoint, IReadOnlyList<StoredFile> files, int requests, int clients, CancellationToken cancellationToken)
    {
        var server = endpoint.Cpu.Seconds();
        var client = ProcessTreeCpu.Self.Seconds();
        var pass = await Transfer.DownloadAsync(endpoint.Http, endpoint.BaseUri, files, requests, clients, cancellationToken);
        return pass with { ServerCpuSeconds = endpoint.Cpu.Seconds() - server, ClientCpuSeconds = ProcessTreeCpu.Self.Seconds() - client };
    }

    // The first pass warms the page cache and the connections; it is reported but not counted.
    private static TransferResult Result(Endpoint endpoint, List<Pass> passes) => new(endpoint.Name, passes[1..], passes[0].Seconds);
}
