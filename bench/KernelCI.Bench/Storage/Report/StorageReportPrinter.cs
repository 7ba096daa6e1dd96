using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.Storage.Report;

internal static class StorageReportPrinter
{
    public static async Task PrintAsync(StorageReport report, TextWriter output)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"storage: {report.ProcessorCount} cores, {report.Settings.Repetitions} download passes per server " +
            "(first discarded; rates are the median pass, ratio the median of the passes' pairwise ratios), loopback" + (report.DiskWriteMBps is { } disk ? $"; this disk wrote 1 GiB with fsync at {disk:F0} MB/s" : string.Empty));
        await output.WriteLineAsync();

        var uploads = new TextTable("upload", "clients", "requests", "MB", "seconds", "req/s", "kernelci MB/s", "nginx PUT MB/s");
        foreach (var upload in report.Uploads)
        {
            var ours = upload.Ours;
            uploads.Add(upload.Workload, $"{upload.Clients}", $"{ours.Requests}", $"{ours.Bytes / 1e6:F0}", $"{ours.Seconds:F2}",
                $"{ours.RequestsPerSecond:F0}", $"{ours.MegabytesPerSecond:F0}", upload.NginxPut is { } put ? $"{put.MegabytesPerSecond:F0}" : "-");
        }

        await output.WriteLineAsync(uploads.ToString());

        var downloads = new TextTable("download", "clients", "requests", "kernelci MB/s", "nginx MB/s", "kernelci req/s", "nginx req/s", "ratio");
        foreach (var download in report.Downloads)
        {
            downloads.Add(download.Workload, $"{download.Clients}", $"{download.Ours.Requests}",
                $"{download.Ours.MegabytesPerSecond:F0}", $"{download.Nginx.MegabytesPerSecond:F0}",
                $"{download.Ours.RequestsPerSecond:F0}", $"{download.Nginx.RequestsPerSecond:F0}", $"{download.Ratio:P0}");
        }

        await output.WriteLineAsync(downloads.ToString());

        var cpu = new TextTable("download CPU", "kernelci µs/req", "nginx µs/req", "kernelci ms/MB", "nginx ms/MB",
            "client µs/req (kernelci, nginx)", "nginx/kernelci CPU", "pair ratios (median-pass ratio)");
        foreach (var download in report.Downloads)
        {
            cpu.Add(download.Workload, Format(download.Ours.ServerMicrosPerRequest), Format(download.Nginx.ServerMicrosPerRequest),
                Format(download.Ours.ServerMillisPerMegabyte, "F2"), Format(download.Nginx.ServerMillisPerMegabyte, "F2"),
                $"{Format(download.Ours.ClientMicrosPerRequest)}, {Format(download.Nginx.ClientMicrosPerRequest)}",
                download.CpuEfficiency is { } efficiency ? $"{efficiency:P0}" : "-",
                $"{string.Join(' ', download.PairRatios.Select(r => $"{r:P0}"))} ({download.MedianPassRatio:P0})");
        }

        await output.WriteLineAsync(cpu.ToString());

        var targets = new TextTable("target", "measured", "goal", "verdict");
        foreach (var target in report.Targets)
        {
            targets.Add(target.Target, target.Measured, target.Goal, target.Verdict);
        }

        await output.WriteLineAsync(targets.ToString());
    }

    private static string Format(double? value, string format = "F1") => value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "-";
}
