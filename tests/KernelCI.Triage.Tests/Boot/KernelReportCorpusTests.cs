using static KernelCI.Triage.Tests.Logs;

namespace KernelCI.Triage.Tests.Boot;

/// <summary>One sample per kind of kernel report, in the formats of the kernel files cited in Corpus/README.md.</summary>
public sealed class KernelReportCorpusTests
{
    [Theory]
    [InlineData("panic-kill-init.log", ProblemKind.KernelPanic, "Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b")]
    [InlineData("oops-null-pointer-x86.log", ProblemKind.Oops, "kernel NULL pointer dereference in triage_demo_probe")]
    [InlineData("oops-arm64.log", ProblemKind.Oops, "Unable to handle kernel NULL pointer dereference in triage_demo_work")]
    [InlineData("general-protection-fault.log", ProblemKind.Oops, "general protection fault in triage_list_walk")]
    [InlineData("kernel-bug-at.log", ProblemKind.KernelBug, "kernel BUG in __slab_free (mm/slub.c)")]
    [InlineData("bug-sleeping-function.log", ProblemKind.KernelBug, "BUG: sleeping function called from invalid context in kernel/locking/mutex.c")]
    [InlineData("warning.log", ProblemKind.KernelWarning, "WARNING in triage_demo_probe (drivers/misc/triage_demo.c)")]
    [InlineData("kasan.log", ProblemKind.Kasan, "KASAN: slab-out-of-bounds in triage_fill_buffer")]
    [InlineData("ubsan.log", ProblemKind.Ubsan, "UBSAN: array-index-out-of-bounds: index 8 is out of range for type 'int [8]' in drivers/misc/triage_demo.c")]
    [InlineData("rcu-stall.log", ProblemKind.RcuStall, "RCU self-detected stall on CPU in triage_spin_locked")]
    [InlineData("hung-task.log", ProblemKind.HungTask, "task kworker/u_:_ blocked (hung task)")]
    [InlineData("soft-lockup.log", ProblemKind.SoftLockup, "soft lockup in triage_spin_locked")]
    public void Sample_is_one_problem_of_its_kind(string sample, ProblemKind kind, string summary)
    {
        var problem = Assert.Single(BootLog(Corpus(sample)));

        Assert.Equal((kind, summary), (problem.Kind, problem.Summary));
    }

    [Fact]
    public void Oops_then_fatal_exception_panic_is_only_the_oops()
    {
        Assert.Equal([ProblemKind.Oops], BootLog(Corpus("oops-null-pointer-x86.log"), "/ #").Select(p => p.Kind));
    }

    [Fact]
    public void Same_null_dereference_in_the_same_function_on_x86_and_arm64_has_one_fingerprint()
    {
        var x86 = Corpus("oops-null-pointer-x86.log").Replace("triage_demo_probe", "triage_demo_work", StringComparison.Ordinal);

        Assert.Equal(Assert.Single(BootLog(x86)).Fingerprint, Assert.Single(BootLog(Corpus("oops-arm64.log"))).Fingerprint);
    }

    [Fact]
    public void Warning_line_moved_in_its_file_keeps_its_fingerprint()
    {
        var log = Corpus("warning.log");

        var moved = log.Replace("triage_demo.c:42", "triage_demo.c:61", StringComparison.Ordinal);

        Assert.Equal(Assert.Single(BootLog(log)).Fingerprint, Assert.Single(BootLog(moved)).Fingerprint);
    }

    [Fact]
    public void Soft_lockup_on_another_cpu_and_task_keeps_its_fingerprint()
    {
        var log = Corpus("soft-lockup.log");

        var other = log.Replace("CPU#1 stuck for 26s! [triage-spin:95]", "CPU#0 stuck for 48s! [kworker/0:3:12]", StringComparison.Ordinal);

        Assert.Equal(Assert.Single(BootLog(log)).Fingerprint, Assert.Single(BootLog(other)).Fingerprint);
    }

    [Fact]
    public void Kasan_at_another_address_by_another_task_keeps_its_fingerprint()
    {
        var log = Corpus("kasan.log");

        var other = log.Replace("ffff888004b3e2c8 by task triage-test/401", "ffff888005a1d0f0 by task sh/77", StringComparison.Ordinal)
            .Replace("triage_fill_buffer+0x5e/0x80", "triage_fill_buffer+0x61/0x80", StringComparison.Ordinal);

        Assert.Equal(Assert.Single(BootLog(log)).Fingerprint, Assert.Single(BootLog(other)).Fingerprint);
    }

    [Fact]
    public void Report_inside_a_serial_log_with_caller_ids_and_log_levels_is_found()
    {
        var problem = Assert.Single(BootLog("<0>[    2.420114][    T1] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\n"));

        Assert.Equal("Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)", problem.Summary);
    }

    [Fact]
    public void Repeated_warning_is_one_problem_with_its_count()
    {
        var log = Corpus("warning.log");

        var problem = Assert.Single(BootLog(log + log.Replace("CPU: 1 PID: 1", "CPU: 0 PID: 9", StringComparison.Ordinal)));

        Assert.Equal(2, problem.Occurrences);
    }

    [Fact]
    public void Lockdep_warning_is_a_kernel_warning()
    {
        var problem = Assert.Single(BootLog("[   9.1] WARNING: possible circular locking dependency detected\n"));

        Assert.Equal((ProblemKind.KernelWarning, "WARNING: possible circular locking dependency detected"), (problem.Kind, problem.Summary));
    }

    [Fact]
    public void Warning_printed_by_a_test_program_is_not_a_kernel_warning()
    {
        Assert.Empty(BootLog("WARNING: the test suite is deprecated\n"));
    }
}
