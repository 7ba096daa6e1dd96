using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Tests.Store;

public sealed class PriorityThreadTests
{
    [Fact]
    public async Task Work_runs_in_order_on_one_thread_of_its_own()
    {
        using var thread = new PriorityThread("test-writer", -5);
        var threads = new List<int>();
        var order = new List<int>();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => thread.RunAsync(() =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            order.Add(i);
        })).ToArray());

        Assert.Equal([0, 1, 2, 3, 4], order);
        Assert.Single(threads.Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, threads[0]);
    }

    [Fact]
    public async Task Failure_of_one_item_reaches_its_caller_and_the_next_item_still_runs()
    {
        using var thread = new PriorityThread("test-writer", -5);
        var ran = false;

        var failed = thread.RunAsync(() => throw new InvalidOperationException("boom"));
        var next = thread.RunAsync(() => ran = true);

        Assert.Equal("boom", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed)).Message);
        await next;
        Assert.True(ran);
    }

    [Fact]
    public async Task Thread_gets_the_asked_nice_value_where_the_kernel_allows_it()
    {
        using var thread = new PriorityThread("test-writer", -5);
        var nice = 0L;

        // Field 19 of /proc/thread-self/stat, counted after the command name's closing parenthesis.
        await thread.RunAsync(() => nice = long.Parse(File.ReadAllText("/proc/thread-self/stat").Split(')')[1].Split(' ')[17], System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(thread.Prioritised ? -5 : 0, nice);
    }
}
