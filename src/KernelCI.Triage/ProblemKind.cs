namespace KernelCI.Triage;

/// <summary>What a problem found in a log is; each kind has its KCIDB category (<see cref="Kcidb.IssueTaxonomy"/>).</summary>
public enum ProblemKind
{
    CompilerError,
    CompilerWarning,
    LinkerError,
    KconfigError,
    MakeError,
    KernelPanic,
    Oops,
    KernelBug,
    KernelWarning,
    Kasan,
    Ubsan,
    RcuStall,
    HungTask,
    SoftLockup,
    NoLogin,
}
