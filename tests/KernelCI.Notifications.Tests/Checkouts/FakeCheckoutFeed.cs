using System.Runtime.CompilerServices;
using KernelCI.Notifications.Checkouts;

namespace KernelCI.Notifications.Tests.Checkouts;

/// <summary>Maestro's checkout events as a list: each push gets the next number; a read gives those after the number
/// asked and ends, as a stream Maestro closed would.</summary>
internal sealed class FakeCheckoutFeed : ICheckoutFeed
{
    private readonly List<CompletedCheckout> _events = [];

    public void Push(string nodeId, string commit = Regressions.Bad, string tree = "mainline", bool timedOut = false)
    {
        lock (_events)
        {
            _events.Add(new CompletedCheckout(_events.Count + 1, nodeId, tree, "master", commit,
                "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git", timedOut ? "incomplete" : "pass", timedOut));
        }
    }

    public async IAsyncEnumerable<CompletedCheckout> ReadAsync(long? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<CompletedCheckout> page;
        lock (_events)
        {
            page = [.. _events.Where(e => e.Seq > (after ?? 0))];
        }

        foreach (var e in page)
        {
            await Task.Yield();
            yield return e;
        }
    }
}
