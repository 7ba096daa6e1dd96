namespace KernelCI.Triage.Kcidb;

/// <summary>A problem's KCIDB category and culprit (kcidb-io v5.3 schema: code is "the built/tested code", tool "the
/// static analyzer, the build toolchain, the test", harness "the system controlling the execution of the
/// build/test"; an absent flag means unknown). docs/regressions.md explains each choice.</summary>
public static class IssueTaxonomy
{
    public static string Category(ProblemKind kind) => kind switch
    {
        ProblemKind.CompilerError => "build.compiler.error",
        ProblemKind.CompilerWarning => "build.compiler.warning",
        ProblemKind.LinkerError => "build.linker.error",
        ProblemKind.KconfigError => "build.kconfig.error",
        ProblemKind.MakeError => "build.make.error",
        ProblemKind.KernelPanic => "kernel.panic",
        ProblemKind.Oops => "kernel.oops",
        ProblemKind.KernelBug => "kernel.bug",
        ProblemKind.KernelWarning => "kernel.warning",
        ProblemKind.Kasan => "kernel.kasan",
        ProblemKind.Ubsan => "kernel.ubsan",
        ProblemKind.RcuStall => "kernel.rcu_stall",
        ProblemKind.HungTask => "kernel.hung_task",
        ProblemKind.SoftLockup => "kernel.soft_lockup",
        ProblemKind.NoLogin => "boot.no_login",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown problem kind"),
    };

    /// <summary>(code, tool, harness); null is unknown and is left out of the issue.</summary>
    public static (bool? Code, bool? Tool, bool? Harness) Culprit(Problem problem) => problem.Kind switch
    {
        // A recipe failed and nothing in the log says why: a script, the toolchain or the builder (out of memory).
        ProblemKind.MakeError => (null, null, null),
        // "cannot find -lx", "unrecognised option": the toolchain; undefined or duplicate symbols: the kernel's code.
        ProblemKind.LinkerError when !problem.Signature.Contains(" | undefined reference to | ", StringComparison.Ordinal)
            && !problem.Signature.Contains(" | multiple definition of | ", StringComparison.Ordinal) => (false, true, false),
        // The kernel never printed its banner: the bootloader or the lab, not the kernel.
        ProblemKind.NoLogin when problem.Signature.EndsWith("| kernel never started", StringComparison.Ordinal) => (false, false, true),
        // The kernel started but no prompt came and nothing kernel-side was reported: the lab (rootfs, prompt,
        // timeout) first; the kernel may still be at fault (a silent hang), so code stays unknown.
        ProblemKind.NoLogin => (null, false, true),
        _ => (true, false, false),
    };
}
