namespace KernelCI.Pipeline.Runtimes.Shell;

/// <summary>How a build ended: its result and, unless it passed, the error code and message for the node.</summary>
internal sealed record KbuildOutcome(string Result, string? ErrorCode = null, string? ErrorMessage = null)
{
    public static KbuildOutcome Incomplete(string code, string message) => new("incomplete", code, message);
}
