using KernelCI.Host;

namespace KernelCI.Bench.Pipeline;

/// <summary>The in-process host's console: its listener lines would interleave with the figures.</summary>
internal sealed class QuietConsole : IAppConsole
{
    public TextWriter Out => TextWriter.Null;

    public TextWriter Error => Console.Error;
}
