using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;

namespace KernelCI.Bench.Pipeline;

/// <summary>Passes at once with the kernel uploaded when the run started (<paramref name="kernelUrl"/> completes then).</summary>
internal sealed class FakeKbuild(RuntimeConfig config, MaestroClient maestro, Task<string> kernelUrl) : IRuntime
{
    public RuntimeConfig Config => config;

    public async Task<string> SubmitAsync(JobRequest request, CancellationToken cancellationToken)
    {
        var jobId = "fake-" + request.Node.Id;
        var data = request.Node.Data.DeepClone().AsObject();
        data["arch"] = "x86_64";
        data["compiler"] = "gcc";
        data["defconfig"] = "tinyconfig";
        data["config_full"] = "tinyconfig";
        data["kernel_type"] = "bzimage";
        data["job_id"] = jobId;
        await maestro.UpdateNodeAsync(request.Node with
        {
            // As the shell runtime's kbuild ends (running → done/pass, which the scheduler reads as available).
            State = "done",
            Result = "pass",
            Artifacts = new Dictionary<string, string> { ["kernel"] = await kernelUrl },
            Data = data,
        }, cancellationToken: cancellationToken);
        return jobId;
    }
}
