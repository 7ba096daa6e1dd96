using System.Diagnostics;
using System.Globalization;
using KernelCI.Bench.Infrastructure;
using MimeKit;
using SmtpSink = KernelCI.Testing.SmtpSink;

namespace KernelCI.Bench.Notify;

/// <summary>
/// `./bench.sh notify` (issue 21, "Benchmark"; docs/benchmarks.md, "notify"). One server (`serve --only kcidb
/// notifications`, SQLite) sends through an SMTP server in this process.
/// 1. Latency: one test series at a time turns from PASS to FAIL in a new checkout; timed from KCIDB's answer to the
///    submission (so ingestion and regression tracking are in it: an upper bound of "from the opening") until the
///    SMTP server accepted that regression's report.
/// 2. Volume: a checkout fails every one of <see cref="NotifySettings.Regressions"/> series that passed, each followed
///    by subscriptions of their own addresses (<see cref="NotifySettings.Subscriptions"/> in all, so one report each):
///    reports written per second, mails accepted, the sender's rate; then the same messages sent again by a plain
///    MailKit client to the same server (the baseline, same run).
/// </summary>
internal sealed class NotifyBenchmark(NotifySettings settings, TextWriter output)
{
    private static readonly TimeSpan LatencyTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan VolumeTimeout = TimeSpan.FromMinutes(30);

    public Task<int> RunAsync(CancellationToken cancellationToken) =>
        ScratchRun.RunAsync(settings.Keep, output, work => RunInAsync(work.FullName, cancellationToken), cancellationToken);

    private async Task<int> RunInAsync(string work, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"notify: {settings.Subscriptions:N0} subscriptions, {settings.Regressions:N0} regressions, " +
            $"{settings.LatencySamples} latency samples; {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        await using var sink = SmtpSink.Start(FreePort.Find());
        await using var deployment = await NotifyDeployment.StartAsync(work, sink.Port, output, cancellationToken);
        var cases = Enumerable.Range(0, settings.Regressions).Select(j => $"bench.case.c{j:D5}").ToList();
        var probes = Enumerable.Range(0, settings.LatencySamples).Select(i => $"bench.latency.l{i:D3}").ToList();
        var subscriptions = Enumerable.Range(0, settings.Subscriptions).Select(k => ($"dev{k:D7}@bench.test", cases[k % cases.Count])).ToList();
        subscriptions.Add(("latency@bench.test", "bench.latency.*"));
        await deployment.SubscribeAsync(subscriptions, cancellationToken);
        await deployment.SubmitAsync(await BenchDocuments.WriteAsync(work, "base", 0, [.. probes, .. cases], "PASS", cancellationToken), output, cancellationToken);
        await output.WriteLineAsync($"{subscriptions.Count:N0} confirmed subscriptions; a checkout where {probes.Count + cases.Count:N0} series pass is ingested");

        var latencies = await LatencyAsync(deployment, sink, work, probes, cancellationToken);
        var volume = await VolumeAsync(deployment, sink, work, cases, cancellationToken);
        await output.WriteLineAsync($"sender: {volume.Accepted:N0} mails accepted ({volume.DistinctIds:N0} Message-IDs) in {volume.SendingSeconds:F1} s, " +
            $"{volume.Reports:N0} reports written in {volume.WritingSeconds:F1} s");
        await output.WriteLineAsync($"baseline: the same {volume.Messages.Count:N0} messages sent by a plain MailKit client to the same SMTP server");
        var baseline = await MailKitBaseline.SendAsync(sink.Port, volume.Messages, cancellationToken);

        var sorted = latencies.Order().ToList();
        var p95 = Percentiles.Of(sorted, 95);
        var table = new TextTable("figure", "value");
        table.Add("regression → mail accepted, p50", $"{Percentiles.Of(sorted, 50):F2} s");
        table.Add("regression → mail accepted, p95 (target ≤ 2 s)", $"{p95:F2} s {(p95 <= 2 ? "(met)" : "(MISSED)")}");
        table.Add("regression → mail accepted, max", $"{sorted[^1]:F2} s");
        table.Add("reports written", $"{volume.Reports:N0}");
        table.Add("reports per second, while written", Rate(volume.Reports, volume.WritingSeconds));
        table.Add("reports per second, from KCIDB's answer", Rate(volume.Reports, volume.FromAnswerToLastWrittenSeconds));
        table.Add("mails accepted (distinct Message-IDs)", $"{volume.Accepted:N0} ({volume.DistinctIds:N0})");
        table.Add("from KCIDB's answer to the last mail accepted", $"{volume.FromAnswerToLastAcceptedSeconds:F1} s");
        table.Add("sender: mails per second", Rate(volume.Accepted, volume.SendingSeconds));
        table.Add("baseline, plain MailKit: mails per second", Rate(volume.Messages.Count, baseline.TotalSeconds));
        table.Add("sender / baseline", $"{volume.Accepted / volume.SendingSeconds / (volume.Messages.Count / baseline.TotalSeconds):P0}");
        await output.WriteLineAsync();
        await output.WriteLineAsync(table.ToString());
        await output.WriteLineAsync($"load average at the end: {LoadAverage()} (figures on a loaded machine are inflated; compare the sender with the baseline)");
        return p95 <= 2 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private async Task<List<double>> LatencyAsync(NotifyDeployment deployment, SmtpSink sink, string work, IReadOnlyList<string> probes,
        CancellationToken cancellationToken)
    {
        var seconds = new List<double>();
        for (var i = 0; i < probes.Count; i++)
        {
            var document = await BenchDocuments.WriteAsync(work, $"latency-{i}", 1 + i, [probes[i]], "FAIL", cancellationToken);
            var answered = await deployment.SubmitAsync(document, output, cancellationToken);
            var probe = probes[i] + " on ";
            var mail = await sink.WaitForAsync(m => m.Headers["X-KernelCI-Report"] == "regression" && (m.Headers[HeaderId.Subject] ?? "").Contains(probe, StringComparison.Ordinal),
                LatencyTimeout, cancellationToken) ?? throw new BenchFailure($"no report for {probes[i]} within {LatencyTimeout.TotalSeconds} s ({sink.Count} accepted)");
            seconds.Add(Stopwatch.GetElapsedTime(answered, mail.AcceptedAt).TotalSeconds);
        }

        await output.WriteLineAsync($"latency: {string.Join(", ", seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture)))} s");
        return seconds;
    }

    private async Task<VolumeFigures> VolumeAsync(NotifyDeployment deployment, SmtpSink sink, string work, IReadOnlyList<string> cases,
        CancellationToken cancellationToken)
    {
        var before = sink.Count;
        var document = await BenchDocuments.WriteAsync(work, "fail-all", 1000, cases, "FAIL", cancellationToken);
        await output.WriteLineAsync($"a checkout failing {cases.Count:N0} series; waiting for {settings.Subscriptions:N0} mails");
        var answered = await deployment.SubmitAsync(document, output, cancellationToken);
        var answeredWall = DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(answered);
        if (!await sink.WaitForCountAsync(before + settings.Subscriptions, VolumeTimeout, cancellationToken))
        {
            throw new BenchFailure($"{sink.Count - before:N0} of {settings.Subscriptions:N0} mails accepted within {VolumeTimeout.TotalSeconds} s");
        }

        var mails = sink.Received.Skip(before).Where(m => m.To[0].StartsWith("dev", StringComparison.Ordinal)).ToList();
        var (reports, first, last, messages) = await deployment.ReportsAsync("dev", cancellationToken);
        return new VolumeFigures(
            reports,
            Math.Max(0.001, (last - first) / 1000.0),
            Math.Max(0.001, (last - answeredWall.ToUnixTimeMilliseconds()) / 1000.0),
            mails.Count,
            mails.Select(m => m.Headers[HeaderId.MessageId]).Distinct().Count(),
            Math.Max(0.001, Stopwatch.GetElapsedTime(mails[0].AcceptedAt, mails[^1].AcceptedAt).TotalSeconds),
            Stopwatch.GetElapsedTime(answered, mails[^1].AcceptedAt).TotalSeconds,
            messages);
    }

    private static string Rate(int count, double seconds) => $"{count / seconds:N0} /s ({count:N0} in {seconds:F1} s)";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record VolumeFigures(int Reports, double WritingSeconds, double FromAnswerToLastWrittenSeconds, int Accepted, int DistinctIds,
        double SendingSeconds, double FromAnswerToLastAcceptedSeconds, List<(string Recipient, string Message)> Messages);
}
