using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Runtimes.Qemu;

/// <summary>lab_type qemu: our stand-in for a LAVA lab. Boots the build's kernel in QEMU in the background; the job
/// id is recorded on the node before the boot starts, so the runtime stays the node's only writer.</summary>
internal sealed class QemuRuntime(RuntimeConfig config, RuntimeContext context) : IRuntime
{
    public RuntimeConfig Config { get; } = config;

    private bool Kvm => Config.Settings["kvm"]?.ToString() is "true" or "True";

    public async Task<string> SubmitAsync(JobRequest request, CancellationToken cancellationToken)
    {
        var jobId = $"{Config.Name}-{request.Node.Id}";
        await context.Nodes.SetDataAsync(request.Node.Id!, new JsonObject { ["job_id"] = jobId }, cancellationToken);
        context.Jobs.Start(ct => new QemuJob(request, context, Kvm).RunAsync(ct));
        return jobId;
    }
}
