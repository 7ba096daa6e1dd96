using System.Runtime.InteropServices;
using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.Storage.Cpu;
using KernelCI.Bench.Storage.Report;
using KernelCI.Bench.Storage.Servers;
using KernelCI.Bench.Storage.Transfers;

namespace KernelCI.Bench.Storage;

/// <summary>The storage scenario end to end: generate files, start our server and nginx on its files folder, upload
/// through ours, download from both, then report.</summary>
internal sealed class StorageBenchmark(StorageSettings settings, TextWriter output)
{
    // The source, our stored copy, nginx's PUT copy, and room to spare.
    private const long GibDiskNeeded = 4 * TestFiles.Gib;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        return await ScratchRun.RunAsync(settings.Keep, output, async work =>
        {
            var free = new DriveInfo(work.FullName).AvailableFreeSpace;
            if (!settings.SkipGib && free < GibDiskNeeded)
            {
                throw new BenchFailure($"{work.FullName} has {free >> 20} MiB free; the 1 GiB transfers need {GibDiskNeeded >> 20} MiB (or use --skip-gib)");
            }

            var files = await TestFileWriter.WriteAsync(Path.Combine(work.FullName, "sources"), settings, cancellationToken);
            await output.WriteLineAsync($"generated the sources in {work.FullName}" +
                (files.DiskWriteMBps is { } disk ? $"; 1 GiB written with fsync at {disk:F0} MB/s" : string.Empty));
            using var probe = BenchHttp.Create(1);
            await using var ours = await StorageServer.StartAsync(work.FullName, settings, probe, output, cancellationToken);
            var (nginxProcess, nginxUri) = await NginxServer.StartAsync(ours.FilesRoot, work.FullName, settings.ServerCpus, probe, output, cancellationToken);
            await using var nginx = nginxProcess;
            using var oursUploads = BenchHttp.Create(settings.Clients, ours.Token);
            using var oursHttp = BenchHttp.Create(settings.Clients);
            using var nginxHttp = BenchHttp.Create(settings.Clients);
            var runner = new WorkloadRunner(settings, new Endpoint("kernelci", ours.BaseUri, oursHttp, new ProcessTreeCpu(ours.Process.Id), oursUploads),
                new Endpoint("nginx", nginxUri, nginxHttp, new ProcessTreeCpu(nginx.Id)), output);
            var measured = await MeasureAsync(runner, files, ours.Process, cancellationToken);
            var report = new StorageReport("storage", startedAt, Environment.ProcessorCount, RuntimeInformation.OSDescription, settings,
                files.DiskWriteMBps, measured.Uploads, measured.Downloads, measured.Memory,
                StorageTargets.Evaluate(measured.Uploads, measured.Downloads, measured.Memory));
            await StorageReportPrinter.PrintAsync(report, output);
            await output.WriteLineAsync($"figures written to {await ResultsFile.WriteAsync(report.Scenario, report.StartedAt, report, new StorageJsonContext(ResultsFile.Relaxed(StorageJsonContext.Default.Options)).StorageReport, cancellationToken)}");
            return ExitCodes.Success;
        }, cancellationToken);
    }

    private async Task<Measurements> MeasureAsync(WorkloadRunner runner, TestFiles files, ServerProcess server, CancellationToken cancellationToken)
    {
        var mib = Enumerable.Range(0, settings.MibUploads).Select(i => UploadItem.FromFile("bench/1mib", $"{i:D4}.bin", files.MibPath)).ToList();
        var small = files.Small.Select(f => UploadItem.FromMemory("bench/small", f.Name, f.Content)).ToList();
        var smallName = StorageWorkloads.Small(small.Count, settings.Clients);
        List<UploadResult> uploads =
        [
            await runner.UploadAsync(StorageWorkloads.Mib, mib, 1, cancellationToken),
            await runner.UploadAsync(smallName, small, settings.Clients, cancellationToken),
        ];
        await runner.WarmUpAsync([.. small.Select(i => i.Stored), .. mib.Select(i => i.Stored)], cancellationToken);
        List<DownloadComparison> downloads =
        [
            await runner.CompareAsync(StorageWorkloads.Mib, [.. mib.Select(i => i.Stored)], settings.MibRequests, 1, cancellationToken),
            await runner.CompareAsync(smallName, [.. small.Select(i => i.Stored)], settings.SmallRequests, settings.Clients, cancellationToken),
        ];
        if (files.GibPath is null)
        {
            return new Measurements(uploads, downloads, null);
        }

        var baseline = ProcessMemory.RssBytes(server.Id);
        await using var sampler = new MemorySampler(server.Id);
        var gib = UploadItem.FromFile("bench/1gib", "0000.bin", files.GibPath);
        uploads.Add(await runner.UploadBothAsync(StorageWorkloads.Gib, gib, cancellationToken));
        downloads.Add(await runner.CompareAsync(StorageWorkloads.Gib, [gib.Stored], settings.GibRequests, 1, cancellationToken));
        var peak = sampler.Peak;
        return new Measurements(uploads, downloads, new MemoryWindow(baseline, Math.Max(baseline, peak.MaxRssBytes), peak.Samples));
    }
}
