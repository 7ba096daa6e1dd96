namespace KernelCI.Host;

/// <summary>Where commands write, so tests can capture their output.</summary>
public interface IAppConsole
{
    TextWriter Out { get; }

    TextWriter Error { get; }
}
