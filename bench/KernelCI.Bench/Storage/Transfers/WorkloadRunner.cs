namespace KernelCI.Bench.Storage.Transfers;

/// <summary>Runs each workload on our server and on nginx, in alternating order so that neither always goes first.</summary>
internal sealed class WorkloadRunner(StorageSettings settings, Endpoint ours, Endpoint nginx, TextWriter output)
{
    public async Task<UploadResult> UploadAsync(string workload, IReadOnlyList<UploadItem> items, int clients, CancellationToken cancellationToken)
    {
        var pass = await Transfer.UploadAsync(ours.Http, ours.BaseUri, items, clients, cancellationToken);
        var result = new UploadResult(workload, clients, new TransferResult("kernelci", [pass], null));
        await output.WriteLineAsync($"upload {workload}: {pass.Requests} in {pass.Seconds:F2} s, {result.Ours.MegabytesPerSecond:F0} MB/s, {result.Ours.RequestsPerSecond:F0} req/s");
        return result;
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
                passes[endpoint].Add(await Transfer.DownloadAsync(endpoint.Http, endpoint.BaseUri, files, requests, clients, cancellationToken));
            }
        }

        var comparison = new DownloadComparison(workload, clients, Result(ours, passes[ours]), Result(nginx, passes[nginx]));
        await output.WriteLineAsync($"download {workload}: kernelci {comparison.Ours.MegabytesPerSecond:F0} MB/s, " +
            $"nginx {comparison.Nginx.MegabytesPerSecond:F0} MB/s ({comparison.Ratio:P0})");
        return comparison;
    }

    // The first pass warms the page cache and the connections; it is reported but not counted.
    private static TransferResult Result(Endpoint endpoint, List<Pass> passes) => new(endpoint.Name, passes[1..], passes[0].Seconds);
}
