using KernelCI.Host;

namespace KernelCI.Pipeline.Tests.Api;

/// <summary>Captures what a CLI command prints.</summary>
internal sealed class PipelineTestConsole : IAppConsole
{
    public StringWriter Out { get; } = new();

    public StringWriter Error { get; } = new();

    TextWriter IAppConsole.Out => Out;

    TextWriter IAppConsole.Error => Error;
}
