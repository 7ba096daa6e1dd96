namespace KernelCI.Triage;

/// <summary>Which parser reads a log: a kernel build's output, or a serial console (boot and tests).</summary>
public enum LogKind
{
    Build,
    Boot,
}
