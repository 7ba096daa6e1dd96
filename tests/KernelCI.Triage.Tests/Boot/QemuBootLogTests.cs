using static KernelCI.Triage.Tests.Logs;

namespace KernelCI.Triage.Tests.Boot;

/// <summary>Real serial consoles of the tests' tinyconfig kernel under QEMU (Recorded/README.md).</summary>
public sealed class QemuBootLogTests
{
    private const string Prompt = "/ #";

    [Fact]
    public void Boot_without_an_init_is_one_kernel_panic()
    {
        var panic = Assert.Single(BootLog(Recorded("qemu-no-init.log"), Prompt));

        Assert.Equal(ProblemKind.KernelPanic, panic.Kind);
        Assert.StartsWith("Kernel panic - not syncing: No working init found.", panic.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Panic_with_and_without_printk_timestamps_has_one_fingerprint()
    {
        var plain = Assert.Single(BootLog(Recorded("qemu-no-init.log")));
        var timed = Assert.Single(BootLog(Recorded("qemu-no-init-timed.log")));

        Assert.Equal(plain.Fingerprint, timed.Fingerprint);
    }

    [Fact]
    public void Evidence_has_no_timestamp()
    {
        var timed = Assert.Single(BootLog(Recorded("qemu-no-init-timed.log")));

        Assert.StartsWith("Kernel panic", timed.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Boot_that_reaches_the_prompt_has_no_problems()
    {
        Assert.Empty(BootLog(Recorded("qemu-login.log"), Prompt));
    }

    [Fact]
    public void Boot_that_never_shows_the_jobs_login_marker_is_a_no_login_problem()
    {
        var problem = Assert.Single(BootLog(Recorded("qemu-login.log"), "login:"));

        Assert.Equal((ProblemKind.NoLogin, "boot never reached the login prompt \"login:\""), (problem.Kind, problem.Summary));
    }

    [Fact]
    public void Console_without_the_kernel_banner_says_the_kernel_never_started()
    {
        var log = Recorded("qemu-login.log");
        var banner = log[..log.IndexOf("Linux version", StringComparison.Ordinal)];

        var problem = Assert.Single(BootLog(banner, Prompt));

        Assert.Equal("the kernel never started (no \"Linux version\" banner on the console)", problem.Summary);
    }

    [Fact]
    public void Panic_explains_the_missing_login()
    {
        Assert.DoesNotContain(BootLog(Recorded("qemu-no-init.log"), Prompt), p => p.Kind == ProblemKind.NoLogin);
    }

    [Fact]
    public void No_login_problem_without_a_login_marker()
    {
        Assert.Empty(BootLog(Recorded("qemu-login.log")));
    }
}
