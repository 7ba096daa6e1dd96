using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace KernelCI.Kcidb.Store;

/// <summary>
/// A thread of its own that runs work items one after another, scheduled ahead of the process's other threads where the
/// kernel lets it (a nice value below the process's needs CAP_SYS_NICE; without it, the thread runs at normal priority).
/// The ingester's single writer is the critical path: while uploads, checking and the writer share two cores, the
/// writer otherwise gets half a core and the backlog grows.
/// </summary>
internal sealed partial class PriorityThread : IDisposable
{
    private const int PrioProcess = 0;

    private readonly BlockingCollection<(Action Work, TaskCompletionSource Done)> _queue = [];
    private readonly Thread _thread;
    private readonly int _nice;

    public PriorityThread(string name, int nice)
    {
        _nice = nice;
        _thread = new Thread(Run) { IsBackground = true, Name = name };
        _thread.Start();
    }

    /// <summary>Whether the kernel accepted the thread's nice value.</summary>
    public bool Prioritised { get; private set; }

    public Task RunAsync(Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _queue.Add((work, done));
        return done.Task;
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
    }

    private void Run()
    {
        // On Linux the nice value is per thread, and "who = 0" is the calling thread.
        Prioritised = OperatingSystem.IsLinux() && SetPriority(PrioProcess, 0, _nice) == 0;
        foreach (var (work, done) in _queue.GetConsumingEnumerable())
        {
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);
}
