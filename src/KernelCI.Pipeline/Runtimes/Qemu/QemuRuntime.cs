using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Runtimes.Qemu;

/// <summary>lab_type qemu: our stand-in for a LAVA lab. Boots the build's kernel in QEMU in the background; the job
/// id is recorded on the node before the boot starts, so the runtime stays the node's only writer.</summary>
internal sealed class QemuRuntime(RuntimeConfig config, RuntimeContext context) : IRuntime
{
    // Emulated guests overcommitted on few cores miss their timer interrupts and panic ("IO-APIC + timer doesn't
    // work"), so the lab runs at most `max_guests` at once (default: one per core) and queues the rest, as a LAVA lab
    // queues jobs for its devices.
    private readonly SemaphoreSlim _guests = new(MaxGuests(config), MaxGuests(config));

    public RuntimeConfig Config { get; } = config;

    private bool Kvm => Config.Settings["kvm"]?.ToString() is "true" or "True";

    public async Task<string> SubmitAsync(JobRequest request, CancellationToken cancellationToken)
    {
        var jobId = $"{Config.Name}-{request.Node.Id}";
        await context.Nodes.SetDataAsync(request.Node.Id!, new JsonObject { ["job_id"] = jobId }, cancellationToken);
        context.Jobs.Start(async ct =>
        {
            await _guests.WaitAsync(ct);
            try
            {
                await new QemuJob(request, context, Kvm).RunAsync(ct);
            }
            finally
            {
                _guests.Release();
            }
        });
        return jobId;
    }

    private static int MaxGuests(RuntimeConfig config) =>
        int.TryParse(config.Settings["max_guests"]?.ToString(), out var max) && max > 0 ? max : Environment.ProcessorCount;
}
