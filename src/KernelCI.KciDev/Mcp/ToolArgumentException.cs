namespace KernelCI.KciDev.Mcp;

/// <summary>A tool was called with an argument it cannot use: reported to the agent as a tool error whose message starts
/// with the argument's name, so the agent can correct that argument and call again.</summary>
internal sealed class ToolArgumentException(string argument, string problem) : Exception($"{argument}: {problem}")
{
    public string Argument { get; } = argument;
}
