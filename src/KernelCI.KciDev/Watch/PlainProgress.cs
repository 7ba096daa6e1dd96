using KernelCI.Client.Watching;
using KernelCI.KciDev.Cli;
using Spectre.Console;

namespace KernelCI.KciDev.Watch;

/// <summary>Progress when standard output is not a terminal: one line per node change, notes on standard error.</summary>
internal sealed class PlainProgress(KciConsole console) : IProgress<WatchUpdate>
{
    private readonly Lock _lock = new();

    public void Report(WatchUpdate value)
    {
        lock (_lock)
        {
            switch (value.Kind)
            {
                case WatchUpdateKind.NodeChanged:
                    NodeLine.Write(console.Ansi, value.Node!);
                    break;
                case WatchUpdateKind.WaitingForTest:
                    console.Ansi.WriteLine($"All jobs completed, waiting for the result of {value.Detail}");
                    break;
                case WatchUpdateKind.Reconnecting:
                    console.Error.WriteLine($"Maestro API connection error: {value.Detail}, retrying...");
                    break;
            }
        }
    }
}
