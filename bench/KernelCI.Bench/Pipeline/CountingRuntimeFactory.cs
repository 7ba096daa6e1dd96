using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;

namespace KernelCI.Bench.Pipeline;

/// <summary>A runtime of lab_type `bench` that accepts every job at once, so the bench times the scheduler and
/// Maestro alone; <see cref="Done"/> completes when <see cref="Expected"/> jobs have been submitted.</summary>
internal sealed class CountingRuntimeFactory(int expected) : IRuntimeFactory
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _submitted;

    public string LabType => "bench";

    public int Expected { get; } = expected;

    public int Submitted => Volatile.Read(ref _submitted);

    public Task Done => _done.Task;

    public IRuntime Create(RuntimeConfig config) => new CountingRuntime(config, this);

    private void Count()
    {
        if (Interlocked.Increment(ref _submitted) == Expected)
        {
            _done.TrySetResult();
        }
    }

    private sealed class CountingRuntime(RuntimeConfig config, CountingRuntimeFactory factory) : IRuntime
    {
        public RuntimeConfig Config { get; } = config;

        public Task<string> SubmitAsync(JobRequest request, CancellationToken cancellationToken)
        {
            factory.Count();
            return Task.FromResult("bench-" + request.Node.Id);
        }
    }
}
