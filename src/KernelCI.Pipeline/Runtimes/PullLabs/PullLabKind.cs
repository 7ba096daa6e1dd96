using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Labs;
using KernelCI.ServiceDefaults.Labs;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>The lab view of a pull lab (docs/labs.md, the lab view): the pipeline cannot ask it for devices, but it
/// sees its workers come (<see cref="PullClaimStore.WorkersAsync"/>: a claim request, a renewed lease, a result).
/// The lab is online while one was seen within `offline_after_s` (default 5 minutes; an idle worker asks every 50 s),
/// offline otherwise; jobs under a running lease are running, the others queued.</summary>
internal sealed class PullLabKind(PullClaimStore claims, PullLeases leases, TimeProvider time) : ILabKind
{
    public string LabType => PullLabSettings.LabType;

    public Task<IReadOnlyList<LabDevice>?> DevicesAsync(RuntimeConfig lab, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LabDevice>?>(null);

    public async Task<LabWorkers?> WorkersAsync(RuntimeConfig lab, CancellationToken cancellationToken)
    {
        var window = leases.Lab(lab.Name).WorkerWindow;
        var now = time.GetUtcNow();
        var seen = await claims.WorkersAsync(lab.Name, cancellationToken);
        var held = (await claims.OpenAsync(lab.Name, cancellationToken)).Where(c => c.LeaseUntil > now).ToList();
        var workers = seen.Select(w => new LabWorker(w.Worker, w.Seen, held.Count(c => c.Worker == w.Worker))).ToList();
        var recent = seen.Count(w => now - w.Seen <= window);
        var health = recent > 0
            ? new LabHealth(LabHealth.Online, $"{recent} worker{(recent == 1 ? "" : "s")} seen in the last {Minutes(window)}", now)
            : new LabHealth(LabHealth.Offline, seen.Count == 0
                ? "no worker has asked for a job yet"
                : $"no worker seen in the last {Minutes(window)} (last: {seen[0].Worker} at {seen[0].Seen:yyyy-MM-dd HH:mm:ss} UTC)", now);
        return new LabWorkers(health, workers, held.Select(c => c.NodeId).ToHashSet(StringComparer.Ordinal));
    }

    private static string Minutes(TimeSpan window) =>
        window.TotalMinutes >= 1 && window.TotalSeconds % 60 == 0 ? $"{window.TotalMinutes:0} min" : $"{window.TotalSeconds:0} s";
}
