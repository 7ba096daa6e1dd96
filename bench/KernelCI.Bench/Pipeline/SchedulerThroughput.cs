using System.Diagnostics;
using KernelCI.Bench.Maestro;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline;
using KernelCI.Pipeline.Runtimes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KernelCI.Bench.Pipeline;

/// <summary>Scheduler throughput: events turned into job nodes per second, with <c>jobs</c> × <c>platforms</c>
/// configured (issue 5's target: ≥ 1,000/s at 200 × 50). A Maestro server runs as its own process, as in production;
/// the scheduler runs in this one, with the durable event loop, matching, filters, dedup query, node creation and
/// a runtime that accepts every job at once. Time runs from the kbuilds' available/pass updates to the last
/// submission.</summary>
internal static class SchedulerThroughput
{
    public static async Task<SchedulerFigures> RunAsync(string? connection, int jobs = 200, int platforms = 50, int kbuilds = 1,
        CancellationToken cancellationToken = default)
    {
        await using var server = await MaestroServer.StartAsync(connection, cancellationToken);
        var maestro = server.Client();
        var options = new PipelineOptions
        {
            MaestroUrl = server.Http.BaseAddress!.ToString(),
            MaestroToken = server.Token,
            StorageUrl = "http://127.0.0.1:9/",
            KcidbUrl = "http://127.0.0.1:9/",
            Instance = "bench",
        };
        var runtimes = new CountingRuntimeFactory(jobs * platforms * kbuilds);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPipelineCore(options, SchedulerBenchConfig.Create(jobs, platforms));
        services.AddSingleton<IRuntimeFactory>(runtimes);
        services.AddPipelineServices(["scheduler"]);
        await using var provider = services.BuildServiceProvider();
        await maestro.SubscribeAsync("node", "bench:scheduler", cancellationToken: cancellationToken);
        await maestro.SubscribeAsync("retry", "bench:scheduler-retry", cancellationToken: cancellationToken);
        var builds = await CreateKbuildsAsync(maestro, kbuilds, cancellationToken);
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        foreach (var build in builds)
        {
            await maestro.UpdateNodeAsync(build with { State = "available", Result = "pass" }, cancellationToken: cancellationToken);
        }

        try
        {
            await runtimes.Done.WaitAsync(TimeSpan.FromMinutes(15), cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new BenchFailure($"scheduler: {runtimes.Submitted} of {runtimes.Expected} jobs submitted after 15 min");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        return new SchedulerFigures(connection is null ? "sqlite" : "postgres", jobs, platforms, kbuilds, runtimes.Submitted, seconds);
    }

    private static async Task<List<MaestroNode>> CreateKbuildsAsync(MaestroClient maestro, int count, CancellationToken cancellationToken)
    {
        var builds = new List<MaestroNode>();
        for (var i = 0; i < count; i++)
        {
            var revision = new System.Text.Json.Nodes.JsonObject { ["tree"] = "bench", ["url"] = "file:///bench", ["branch"] = "main", ["commit"] = $"{i:x40}" };
            var checkout = await maestro.CreateNodeAsync(new MaestroNode
            {
                Kind = "checkout", Name = "checkout", Path = ["checkout"], State = "available", Result = "pass",
                Data = new() { ["kernel_revision"] = revision },
            }, cancellationToken);
            builds.Add(await maestro.CreateNodeAsync(new MaestroNode
            {
                Kind = "kbuild", Name = SchedulerBenchConfig.Kbuild, Path = ["checkout", SchedulerBenchConfig.Kbuild], Parent = checkout.Id,
                Data = new() { ["kernel_revision"] = revision.DeepClone(), ["arch"] = "x86_64", ["kernel_type"] = "bzimage" },
                Artifacts = new Dictionary<string, string> { ["kernel"] = "http://127.0.0.1:9/bzImage" },
            }, cancellationToken));
        }

        return builds;
    }
}
