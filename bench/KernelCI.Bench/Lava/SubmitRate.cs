using System.Diagnostics;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.Bench.Lava;

/// <summary>Submissions per second with the queue gate on: one kbuild turns available/pass and the scheduler makes
/// and submits a baseline job for each of <c>count</c> platforms of the lab, each after the gate's two queries
/// (devices, queued jobs) for its device type. Timed from the kbuild's update to the last submission logged.</summary>
internal static class SubmitRate
{
    public static async Task<SubmitFigures> RunAsync(LabTarget lab, int count, string kernelUrl, string ramdisk, TextWriter output,
        CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("kernelci-bench-lava-submit-").FullName;
        try
        {
            var platforms = Enumerable.Range(0, count).Select(i => ($"qemu-{i:D4}", lab.Name == "fake" ? $"qemu-{i:D4}" : "qemu")).ToList();
            var (deployment, clock) = await LabDeployment.StartAsync(root, lab, platforms, ramdisk, ["scheduler"], cancellationToken);
            await using (deployment)
            {
                var maestro = deployment.Maestro;
                var kbuild = await RunningKbuildAsync(maestro, kernelUrl, cancellationToken);
                var clockStart = Stopwatch.StartNew();
                var started = DateTimeOffset.UtcNow;
                await maestro.UpdateNodeAsync(kbuild with { State = "available", Result = "pass" }, cancellationToken: cancellationToken);
                await clock.WaitAsync(c => c.Count(EventClock.Submitted) >= count, TimeSpan.FromMinutes(3), $"{count} submissions to {lab.Name}", cancellationToken);
                var submitted = clock.All(EventClock.Submitted);
                var elapsed = (submitted[^1].Seen.At - started).TotalSeconds;
                var first = (submitted[0].Seen.At - started).TotalSeconds;
                await output.WriteLineAsync($"submit [{lab.Name}]: {count} jobs submitted in {elapsed:0.000} s (first after {first:0.000} s)");
                return new SubmitFigures(lab.Name, count, elapsed, first, [.. submitted.Select(s => s.Seen.JobId ?? "")]);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A checkout and its kbuild still running, whose kernel is <paramref name="kernelUrl"/>.</summary>
    public static async Task<MaestroNode> RunningKbuildAsync(MaestroClient maestro, string kernelUrl, CancellationToken cancellationToken)
    {
        var checkout = await maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "checkout", Name = "checkout", Path = ["checkout"], State = "available", Result = "pass",
            Data = new JsonObject { ["kernel_revision"] = BenchNodes.Revision() },
        }, cancellationToken);
        return await maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "kbuild", Name = "kbuild-gcc-x86", Parent = checkout.Id, Path = ["checkout", "kbuild-gcc-x86"], State = "running",
            Data = new JsonObject
            {
                ["kernel_revision"] = BenchNodes.Revision(), ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "tinyconfig",
                ["config_full"] = "tinyconfig+qemu-serial", ["kernel_type"] = "bzimage",
            },
            Artifacts = new Dictionary<string, string> { ["kernel"] = kernelUrl },
        }, cancellationToken);
    }
}
