namespace KernelCI.Host.Serve;

/// <summary>`serve` cannot start: a usage error (exit 1) or a configuration that does not validate (exit 2), told in
/// one line per reason, never with a stack trace.</summary>
internal sealed class ServeRefusedException(int exitCode, IEnumerable<string> reasons) : Exception(string.Join(Environment.NewLine, reasons))
{
    public int ExitCode { get; } = exitCode;

    public IReadOnlyList<string> Reasons { get; } = [.. reasons];
}
