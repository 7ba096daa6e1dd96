using System.Threading.Channels;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;

namespace KernelCI.Pipeline.Tests.Services.Scheduler;

/// <summary>Makes <see cref="FakeRuntime"/>s for lab_type `fake`; every submission lands in <see cref="Submitted"/>.</summary>
internal sealed class FakeRuntimeFactory : IRuntimeFactory
{
    private readonly Channel<JobRequest> _submitted = Channel.CreateUnbounded<JobRequest>();

    public string LabType => "fake";

    public ChannelReader<JobRequest> Submitted => _submitted.Reader;

    public IRuntime Create(RuntimeConfig config) => new FakeRuntime(config, _submitted.Writer);

    /// <summary>The next <paramref name="count"/> submissions, failing the test if they do not come in time.</summary>
    public async Task<List<JobRequest>> NextAsync(int count = 1)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var requests = new List<JobRequest>();
        while (requests.Count < count)
        {
            requests.Add(await _submitted.Reader.ReadAsync(timeout.Token));
        }

        return requests;
    }
}
