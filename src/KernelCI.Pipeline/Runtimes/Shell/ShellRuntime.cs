using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Tarball;

namespace KernelCI.Pipeline.Runtimes.Shell;

/// <summary>lab_type shell: kbuild jobs run as a local bash build.sh in the background (upstream's shell runtime
/// Popen-s a script; here the build is tracked so that stopping the host stops it).</summary>
internal sealed class ShellRuntime(RuntimeConfig config, RuntimeContext context, GitCache cache) : IRuntime
{
    public RuntimeConfig Config { get; } = config;

    public async Task<string> SubmitAsync(JobRequest request, CancellationToken cancellationToken)
    {
        if (request.Job.Kind != "kbuild")
        {
            throw new InvalidJobParamsException($"job {request.Job.Name}: kind '{request.Job.Kind}' cannot run on the shell runtime (only kbuild)");
        }

        var jobId = $"{Config.Name}-{request.Node.Id}";
        await context.Nodes.SetDataAsync(request.Node.Id!, new JsonObject { ["job_id"] = jobId }, cancellationToken);
        context.Jobs.Start(ct => new KbuildJob(request, context, cache).RunAsync(ct));
        return jobId;
    }
}
