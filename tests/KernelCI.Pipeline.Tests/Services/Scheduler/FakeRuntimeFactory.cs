using System.Threading.Channels;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;

namespace KernelCI.Pipeline.Tests.Services.Scheduler;

/// <summary>Makes <see cref="FakeRuntime"/>s for lab_type `fake`; every submission lands in <see cref="Submitted"/>.</summary>
internal sealed class FakeRuntimeFactory : IRuntimeFactory
{
    private readonly Channel<JobRequest> _submitted = Channel.CreateUnbounded<JobRequest>();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskCompletionSource> _held = new(StringComparer.Ordinal);

    public string LabType => "fake";

    public ChannelReader<JobRequest> Submitted => _submitted.Reader;

    public IRuntime Create(RuntimeConfig config) => new FakeRuntime(config, _submitted.Writer, this);

    /// <summary>From now on, submissions to <paramref name="runtime"/> hang after being recorded, until
    /// <see cref="Release"/>.</summary>
    public void Hold(string runtime) => _held[runtime] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string runtime)
    {
        if (_held.TryRemove(runtime, out var held))
        {
            held.TrySetResult();
        }
    }

    public Task HeldAsync(string runtime) => _held.TryGetValue(runtime, out var held) ? held.Task : Task.CompletedTask;

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
