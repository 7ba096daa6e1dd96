namespace KernelCI.Triage;

/// <summary>One problem found in a log. <see cref="Signature"/> is the normalised text that identifies the problem
/// across builds, boards and origins (docs/regressions.md, Fingerprints); <see cref="Fingerprint"/> is its hash.
/// <see cref="Evidence"/> is the first line that showed it (timestamp removed, at most 512 characters) and
/// <see cref="LogLine"/> its 1-based line number; the same fingerprint seen again only adds to <see cref="Occurrences"/>.</summary>
public sealed record Problem
{
    public required ProblemKind Kind { get; init; }

    public required string Summary { get; init; }

    public required string Signature { get; init; }

    public required string Fingerprint { get; init; }

    public required string Evidence { get; init; }

    public long LogLine { get; init; }

    public int Occurrences { get; init; } = 1;

    /// <summary>The source file (normalised: relative to the kernel tree), when the log names one.</summary>
    public string? File { get; init; }

    public int? Line { get; init; }

    public int? Column { get; init; }

    /// <summary>The kernel function (without its +0x offset) or the linker's undefined symbol.</summary>
    public string? Function { get; init; }

    /// <summary>The compiler's warning option, e.g. -Wunused-variable (-Werror=x is reported as -Wx).</summary>
    public string? Flag { get; init; }
}
