using KernelCI.Testing;

namespace KernelCI.Bench.Lava;

/// <summary>From a kbuild's completion to the boot result in KCIDB through the real LAVA, one job at a time: the
/// bench's kbuild (the cached tinyconfig kernel) turns available/pass; the scheduler submits a baseline job; LAVA
/// boots it and calls back; the callback becomes nodes and send-kcidb sends the boot test. Split into our
/// orchestration (kbuild done → submitted, callback stored → KCIDB row), LAVA's queue (submit → start) and the boot
/// (start → end), plus LAVA's own delay from the job's end to its callback.</summary>
internal static class LabBoots
{
    public static async Task<IReadOnlyList<BootFigures>> RunAsync(LabTarget lab, int jobs, string kernel, string ramdisk, TextWriter output,
        CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("kernelci-bench-lava-boot-").FullName;
        try
        {
            var (deployment, clock) = await LabDeployment.StartAsync(root, lab, [("qemu", "qemu")], ramdisk, ["scheduler", "send-kcidb", "timeout"], cancellationToken);
            await using (deployment)
            {
                var probe = new PipelineProbe(deployment.Maestro, deployment.Kcidb) { Interval = TimeSpan.FromMilliseconds(100) };
                // LAVA downloads the kernel from our storage, as it does a kbuild's.
                var kernelUrl = (await deployment.UploadAsync("lava-bench-kbuild", kernel, cancellationToken)).ToString();
                var figures = new List<BootFigures>();
                for (var i = 0; i < jobs; i++)
                {
                    var kbuild = await SubmitRate.RunningKbuildAsync(deployment.Maestro, kernelUrl, cancellationToken);
                    var checkout = (await deployment.Maestro.GetNodeAsync(kbuild.Parent!, cancellationToken))!;
                    var done = DateTimeOffset.UtcNow;
                    await deployment.Maestro.UpdateNodeAsync(kbuild with { State = "available", Result = "pass" }, cancellationToken: cancellationToken);
                    await clock.WaitAsync(c => c.Count(EventClock.Submitted) > i, TimeSpan.FromMinutes(2), "the LAVA submission", cancellationToken);
                    var (nodeId, submitted) = clock.All(EventClock.Submitted)[i];
                    await clock.WaitAsync(c => c.Find(EventClock.CallbackStored, nodeId) is not null, TimeSpan.FromMinutes(10),
                        $"the callback of LAVA job {submitted.JobId}", cancellationToken);
                    var stored = clock.Find(EventClock.CallbackStored, nodeId)!;
                    await probe.WaitAsync(() => probe.KcidbWhereAsync(checkout, d => PipelineProbe.Items(d, "tests")
                        .Any(t => t.GetProperty("path").GetString()?.StartsWith("boot", StringComparison.Ordinal) == true)),
                        DateTime.UtcNow.AddMinutes(3), "the boot result in KCIDB");
                    var inKcidb = DateTimeOffset.UtcNow;
                    var job = await deployment.Maestro.GetNodeAsync(nodeId, cancellationToken);
                    var times = await LabJobTimes.GetAsync(lab, submitted.JobId!, cancellationToken);
                    var run = new BootFigures(submitted.JobId!, job?.Result ?? "?", times.Health,
                        (submitted.At - done).TotalSeconds, (times.Started - times.Submitted).TotalSeconds, (times.Ended - times.Started).TotalSeconds,
                        (stored.At - times.Ended).TotalSeconds, (inKcidb - stored.At).TotalSeconds, (inKcidb - done).TotalSeconds);
                    figures.Add(run);
                    await output.WriteLineAsync($"  LAVA job {run.JobId} ({run.Health}, node {run.Result}): kbuild done → submitted {run.ToSubmit:0.000} s, "
                        + $"queue {run.Queue:0.0} s, boot {run.Boot:0.0} s, end → callback {run.CallbackDelay:0.0} s, callback → KCIDB {run.ToKcidb:0.000} s, total {run.Total:0.0} s");
                }

                return figures;
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
