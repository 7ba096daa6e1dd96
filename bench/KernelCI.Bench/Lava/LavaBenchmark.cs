using System.Globalization;
using KernelCI.Bench.Infrastructure;
using KernelCI.Testing;

namespace KernelCI.Bench.Lava;

/// <summary>`./bench.sh lava`: the three figures of issue 19 in one run, each against its target.</summary>
internal sealed class LavaBenchmark(LavaSettings settings, TextWriter output)
{
    /// <summary>Issue 19: a 5,000-case callback stored as nodes within 2 s; our own orchestration ≤ 2 s per job.</summary>
    public const double CallbackTargetSeconds = 2.0;

    public const double OrchestrationTargetSeconds = 2.0;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var failed = false;
        if (settings.Has("callback"))
        {
            foreach (var db in settings.Databases)
            {
                await using var scratch = db == "postgres" ? await PostgresScratch.CreateAsync(settings.Postgres, "lava", cancellationToken) : null;
                var figures = await CallbackTiming.RunAsync(db, scratch?.ConnectionString, settings, output, cancellationToken);
                var met = figures.P95 <= CallbackTargetSeconds;
                failed |= !met;
                await Line($"callback processing [{db}], {settings.Cases} cases ({figures.Nodes} nodes, {figures.BodyBytes / 1048576.0:0.0} MiB), 202 → tree stored, "
                    + $"{figures.Seconds.Count} runs: p50 {figures.P50:0.000} s, p95 {figures.P95:0.000} s "
                    + $"(target ≤ {CallbackTargetSeconds:0} s: {(met ? "met" : "MISSED")}, {figures.P95 / CallbackTargetSeconds:0.00}× the target)");
            }
        }

        if (settings.Has("submit"))
        {
            await SubmitAsync(cancellationToken);
        }

        if (settings.Has("lab") && settings.LabJobs > 0)
        {
            failed |= !await BootAsync(cancellationToken);
        }

        await Line($"machine load at the end: {LoadAverage()} (2 cores, shared with other sessions)");
        return failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    private async Task SubmitAsync(CancellationToken cancellationToken)
    {
        const string token = "fake-lava-runtime-token";
        await using (var fake = await FakeLavaServer.StartAsync(token, cancellationToken))
        {
            var lab = new LabTarget("fake", fake.Url, token, "kernelci-callback", "fake-callback-secret");
            var figures = await SubmitRate.RunAsync(lab, settings.Submissions, MissingKernel, Ramdisk, output, cancellationToken);
            await Line($"submissions/s with the queue gate on [fake LAVA 2023.01 REST], {figures.Count} jobs on {figures.Count} device types: "
                + $"{figures.PerSecond:0.0}/s, {figures.SteadyPerSecond:0.0}/s after the first ({figures.Seconds:0.00} s from the kbuild's update to the last submission, the first after {figures.FirstSeconds:0.00} s; the fake received {fake.Submitted})");
        }

        if (settings.LabSubmissions == 0)
        {
            return;
        }

        var real = await RealLabAsync();
        // The kernel does not exist: a job the cancel misses fails LAVA's validate in seconds instead of booting.
        var health = await LabDevices.HealthAsync(real, "qemu", cancellationToken);
        var realFigures = await SubmitRate.RunAsync(real, settings.LabSubmissions, MissingKernel, Ramdisk, output, cancellationToken);
        var canceled = await CancelAsync(real, realFigures.JobIds, cancellationToken);
        // The cancels end the jobs in the scheduler's next pass, and only then is the device's health changed.
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        foreach (var line in await LabDevices.RestoreAsync(real, "qemu", health, cancellationToken))
        {
            await Line($"  lab device health put back: {line}");
        }

        await Line($"submissions/s with the queue gate on [real LAVA 2023.01 at {real.Url}], {realFigures.Count} jobs on device type qemu: "
            + $"{realFigures.PerSecond:0.0}/s, {realFigures.SteadyPerSecond:0.0}/s after the first ({realFigures.Seconds:0.00} s, the first after {realFigures.FirstSeconds:0.00} s; {canceled} of {realFigures.Count} canceled right after)");
    }

    private async Task<bool> BootAsync(CancellationToken cancellationToken)
    {
        var real = await RealLabAsync();
        var kernel = BenchKernel.Find();
        await Line($"lab: {settings.LabJobs} boots of {kernel} through {real.Url}, one at a time");
        var health = await LabDevices.HealthAsync(real, "qemu", cancellationToken);
        IReadOnlyList<BootFigures> runs;
        try
        {
            runs = await LabBoots.RunAsync(real, settings.LabJobs, kernel, Ramdisk, output, cancellationToken);
        }
        finally
        {
            // A job ending Infrastructure also leaves the device Unknown.
            foreach (var line in await LabDevices.RestoreAsync(real, "qemu", health, CancellationToken.None))
            {
                await Line($"  lab device health put back: {line}");
            }
        }

        var orchestration = runs.Select(r => r.Orchestration).Order().ToList();
        var worst = orchestration[^1];
        var met = worst <= OrchestrationTargetSeconds;
        await Line($"kbuild → boot result in KCIDB through the real LAVA, {runs.Count} jobs (medians): total {Median(runs.Select(r => r.Total)):0.0} s = "
            + $"our orchestration {Percentiles.Of(orchestration, 50):0.000} s (kbuild done → submitted {Median(runs.Select(r => r.ToSubmit)):0.000} s, "
            + $"callback stored → KCIDB row {Median(runs.Select(r => r.ToKcidb)):0.000} s) + LAVA's queue {Median(runs.Select(r => r.Queue)):0.0} s "
            + $"+ boot {Median(runs.Select(r => r.Boot)):0.0} s + LAVA's end → callback {Median(runs.Select(r => r.CallbackDelay)):0.0} s");
        await Line($"our orchestration per job: worst {worst:0.000} s (target ≤ {OrchestrationTargetSeconds:0} s: {(met ? "met" : "MISSED")}, "
            + $"{worst / OrchestrationTargetSeconds:0.00}× the target)");
        return met;
    }

    // Nothing listens on the discard port: a real lab's validate fails such a job in seconds instead of booting it.
    private const string MissingKernel = "http://127.0.0.1:9/nonexistent/bzImage";

    private static string Ramdisk => "file:///var/lib/lava-lab/rootfs.cpio.gz";

    private static async Task<LabTarget> RealLabAsync()
    {
        var lab = await LavaLab.GetAsync();
        return new LabTarget("lab", lab.Url, lab.RuntimeToken, lab.CallbackTokenDescription, lab.CallbackToken);
    }

    private static async Task<int> CancelAsync(LabTarget lab, IReadOnlyList<string> jobIds, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = lab.ApiUrl };
        var client = new KernelCI.Pipeline.Runtimes.Lava.LavaRestClient(http, lab.Name, lab.RuntimeToken);
        var canceled = 0;
        foreach (var id in jobIds)
        {
            try
            {
                await client.CancelAsync(id, cancellationToken);
                canceled++;
            }
            catch (KernelCI.Pipeline.Runtimes.Lava.LavaApiException)
            {
                // Already finished (its validate failed first): nothing is left in the queue.
            }
        }

        return canceled;
    }

    private static double Median(IEnumerable<double> values) => Percentiles.Of(values.Order().ToList(), 50);

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private Task Line(string text) => output.WriteLineAsync(text.ToString(CultureInfo.InvariantCulture));
}
