using System.Threading.Channels;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;

namespace KernelCI.Pipeline.Tests.Services.Scheduler;

/// <summary>A runtime that records what it is asked to run; `fail: true` in its configuration makes submission throw,
/// `invalid: true` refuses the job's params, `queue_full: true` makes its queue gate refuse every job. While the test
/// holds it (<see cref="FakeRuntimeFactory.Hold"/>), a submission is recorded and then hangs, as one to a lab that
/// never answers, until released or cancelled.</summary>
internal sealed class FakeRuntime(RuntimeConfig config, ChannelWriter<JobRequest> submitted, FakeRuntimeFactory factory) : IRuntime, IQueueGate
{
    public RuntimeConfig Config { get; } = config;

    public async Task<string> SubmitAsync(JobRequest request, CancellationToken cancellationToken)
    {
        await submitted.WriteAsync(request, cancellationToken);
        await factory.HeldAsync(Config.Name).WaitAsync(cancellationToken);
        if (Config.Settings["fail"] is { } fail && (bool)fail)
        {
            throw new InvalidOperationException("lab refused the job");
        }

        if (Config.Settings["invalid"] is { } invalid && (bool)invalid)
        {
            throw new InvalidJobParamsException("boot_method 'nosuch' is not known");
        }

        return "job-" + request.Node.Id;
    }

    public Task<bool> AdmitsAsync(JobConfig job, PlatformConfig platform, KernelCI.Client.Maestro.MaestroNode parent, CancellationToken cancellationToken) =>
        Task.FromResult(Config.Settings["queue_full"] is not { } full || !(bool)full);
}
