namespace KernelCI.KciDev.Cli;

/// <summary>A failure the user can act on: printed as one line on standard error, never with a stack trace.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
