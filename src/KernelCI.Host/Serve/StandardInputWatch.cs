namespace KernelCI.Host.Serve;

/// <summary>`serve --stop-on-stdin-close`: stops when its standard input reaches end of file. A supervisor or test
/// harness killed with SIGKILL cannot stop its children, but the kernel closes the pipe it held to serve's standard
/// input whatever killed it; without this, the serves of a killed test run kept building kernels for hours.</summary>
internal static class StandardInputWatch
{
    public static void Start(CancellationTokenSource stop) =>
        _ = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    using var input = Console.OpenStandardInput();
                    var buffer = new byte[256];
                    while (input.Read(buffer) > 0)
                    {
                    }
                }
                catch (IOException)
                {
                }

                try
                {
                    stop.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // serve had already ended for another reason.
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
}
