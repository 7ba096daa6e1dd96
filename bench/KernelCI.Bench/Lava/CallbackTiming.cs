using System.Diagnostics;
using System.Text;
using KernelCI.Bench.Infrastructure;
using KernelCI.Client.Maestro;

namespace KernelCI.Bench.Lava;

/// <summary>Callback processing: the large callback posted to `POST /node/{id}` as LAVA posts it (JSON, the token's
/// raw secret in Authorization), timed from the 202 until the job node is done; the tree is one PUT in one
/// transaction (docs/labs.md), so the job done means every node is stored, which the count checks. A first,
/// untimed callback warms the host up.</summary>
internal static class CallbackTiming
{
    private const string Token = "lava-bench-callback-secret";

    // Only the timeout service besides the API and its callback worker: job-retry would retry the failed job and
    // send-kcidb would bridge the previous run's nodes while the next one is timed.
    private const string QuietSettings = """
        { "Logging": { "LogLevel": { "Default": "Warning" } }, "Pipeline": { "Services": [ "timeout" ] } }
        """;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    public static async Task<CallbackFigures> RunAsync(string database, string? connection, LavaSettings settings, TextWriter output,
        CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("kernelci-bench-lava-").FullName;
        try
        {
            var config = LabConfig.WriteCallbackOnly(root);
            await using var deployment = await LavaDeployment.StartAsync(root, KernelCI.Testing.FreePort.BasePort(), connection, config,
                new Dictionary<string, string> { [LavaDeployment.Lab + ".callback_token"] = Token, [LavaDeployment.Lab + ".runtime_token"] = "unused" }, QuietSettings, cancellationToken);
            var payload = Encoding.UTF8.GetBytes(CallbackPayload.Build(settings.Cases, settings.Sets).ToJsonString());
            await output.WriteLineAsync($"callback [{database}]: {payload.Length / 1024.0 / 1024.0:0.0} MiB body, {settings.Cases} cases in {settings.Sets} sets");
            var kbuild = await BenchNodes.KbuildAsync(deployment.Maestro, cancellationToken);
            using var http = new HttpClient { BaseAddress = deployment.PipelineUrl, Timeout = TimeSpan.FromMinutes(2) };
            var times = new List<double>();
            long children = 0;
            for (var run = 0; run <= settings.Runs; run++)
            {
                var job = await BenchNodes.JobAsync(deployment.Maestro, kbuild, $"baseline-bench-{run}", cancellationToken);
                var elapsed = await TimeOneAsync(http, deployment.Maestro, job.Id!, payload, cancellationToken);
                children = await deployment.Maestro.CountAsync(new NodeFilter().Where("group", job.Name), cancellationToken) - 1;
                if (children < settings.Cases)
                {
                    throw new BenchFailure($"callback [{database}]: the job is done with only {children} nodes below it");
                }

                if (run > 0)
                {
                    times.Add(elapsed.TotalSeconds);
                }

                await output.WriteLineAsync($"  run {run}{(run == 0 ? " (warm-up)" : "")}: {elapsed.TotalSeconds:0.000} s, {children} nodes below the job");
            }

            times.Sort();
            return new CallbackFigures(database, payload.Length, children, times);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<TimeSpan> TimeOneAsync(HttpClient http, MaestroClient maestro, string jobId, byte[] payload, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "node/" + jobId) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.TryAddWithoutValidation("Authorization", Token);
        using var response = await http.SendAsync(request, cancellationToken);
        var accepted = Stopwatch.StartNew();
        if ((int)response.StatusCode != 202)
        {
            throw new BenchFailure($"the callback was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        var deadline = TimeSpan.FromMinutes(5);
        while (accepted.Elapsed < deadline)
        {
            var node = await maestro.GetNodeAsync(jobId, cancellationToken);
            if (node?.State == "done")
            {
                return accepted.Elapsed;
            }

            await Task.Delay(Poll, cancellationToken);
        }

        throw new BenchFailure($"node {jobId} was not done {deadline.TotalMinutes} minutes after its callback");
    }
}
