using System.Threading.Channels;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;

namespace KernelCI.Pipeline.Tests.Services.Scheduler;

/// <summary>A runtime that records what it is asked to run; `fail: true` in its configuration makes submission throw.</summary>
internal sealed class FakeRuntime(RuntimeConfig config, ChannelWriter<JobRequest> submitted) : IRuntime
{
    public RuntimeConfig Config { get; } = config;

    public async Task<string> SubmitAsync(JobRequest request, CancellationToken cancellationToken)
    {
        await submitted.WriteAsync(request, cancellationToken);
        if (Config.Settings["fail"] is { } fail && (bool)fail)
        {
            throw new InvalidOperationException("lab refused the job");
        }

        return "job-" + request.Node.Id;
    }
}
