namespace KernelCI.Pipeline.Git;

/// <summary>A git (or patch) command that exited non-zero; the message carries the command and its stderr.</summary>
public sealed class GitException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
