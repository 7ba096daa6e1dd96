using System.Globalization;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Bench.Pipeline;

/// <summary>Many trees polled at once, builds replaced by <see cref="FakeKbuild"/>, boots real on the QEMU lab: a
/// commit pushed to every tree at the same moment, each timed to its boot result in KCIDB.</summary>
internal static class ManyTrees
{
    public static async Task<IReadOnlyList<LoopFigures>> RunAsync(string root, int count, string kernelFile, TextWriter output, CancellationToken cancellationToken)
    {
        var trees = new List<SmallTree>();
        for (var i = 1; i <= count; i++)
        {
            trees.Add(await SmallTree.CreateAsync(root, $"t{i:D2}"));
        }

        var config = WriteConfig(root, trees);
        var settings = PipelineDemoConfig.WriteSettings(root);
        var kernelUrl = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var deployment = await Deployment.StartAsync(Path.Combine(root, "data"), config, settings,
            services => services.AddSingleton<IRuntimeFactory>(sp => new FakeKbuildFactory(
                sp.GetRequiredService<KernelCI.Client.Maestro.MaestroClient>(), kernelUrl.Task)), cancellationToken);
        var storage = new KernelCI.Client.Storage.StorageClient(new HttpClient { BaseAddress = new Uri(deployment.StorageUrl) }, deployment.StorageToken);
        await storage.UploadFilesAsync("bench-kernel", [kernelFile], cancellationToken);
        kernelUrl.SetResult(deployment.StorageUrl + "bench-kernel/" + Path.GetFileName(kernelFile));
        var probe = new PipelineProbe(deployment.Maestro, deployment.Kcidb) { Interval = TimeSpan.FromMilliseconds(250) };

        await output.WriteLineAsync($"trees: warming up {count} trees on their first commit");
        await Task.WhenAll(trees.Select(async t => await LoopTiming.WaitForBootAsync(probe, t.Head, TimeSpan.FromMinutes(30), "kbuild-fake")));

        var pushedAt = DateTime.UtcNow;
        foreach (var tree in trees)
        {
            await tree.CommitAsync("second commit");
        }

        await output.WriteLineAsync($"trees: pushed one commit to each of {count} trees; timing each to its boot result in KCIDB");
        var runs = await Task.WhenAll(trees.Select(t => LoopTiming.WaitForBootAsync(probe, t.Head, TimeSpan.FromMinutes(30), "kbuild-fake")));
        return runs.Select(r => new LoopFigures(r.InKcidbAt - pushedAt, r.Kbuild.RanFor, r.Boot.RanFor, r.Checkout.RanFor)).ToList();
    }

    private static string WriteConfig(string root, IReadOnlyList<SmallTree> trees)
    {
        var directory = PipelineDemoConfig.WriteDirectory(root, trees[0].Url, "trees-config");
        var yaml = new System.Text.StringBuilder("trees:\n");
        foreach (var tree in trees)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  {tree.Name}:\n    url: \"{tree.Url}\"\n");
        }

        yaml.Append("\nbuild_configs:\n");
        foreach (var tree in trees)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  {tree.Name}-main:\n    tree: {tree.Name}\n    branch: main\n");
        }

        File.WriteAllText(Path.Combine(directory, "trees.yaml"), yaml.ToString());
        // The fake build replaces the real one: its own job, runtime and scheduler entry; the boot job follows it.
        File.WriteAllText(Path.Combine(directory, "scheduler.yaml"), Infrastructure.FakeKbuildScheduler.Yaml + """
              - job: baseline-x86
                event:
                  channel: node
                  kind: kbuild
                  name: kbuild-fake
                  state: available
                  result: pass
                runtime:
                  name: qemu-lab
                platforms:
                  - qemu-x86_64
            """);
        return directory;
    }
}
