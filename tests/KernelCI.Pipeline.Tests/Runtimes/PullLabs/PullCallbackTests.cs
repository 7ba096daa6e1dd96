using KernelCI.Pipeline.Runtimes.Lava.Callback;
using KernelCI.Pipeline.Runtimes.PullLabs.Worker;
using KernelCI.Pipeline.Runtimes.Qemu;
using KernelCI.Pipeline.Runtimes.Results;

namespace KernelCI.Pipeline.Tests.Runtimes.PullLabs;

/// <summary>The worker's LAVA-shaped callback read back by the one conversion every lab's callback goes through.</summary>
public sealed class PullCallbackTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static CallbackOutcome Convert(BootVerdict verdict, string? serial, string job = "baseline-x86")
    {
        var log = serial is null ? null : SerialLogParser.Parse(serial);
        var body = PullCallback.Build(verdict, log, serial ?? "", "qemu-x86_64", At);
        return CallbackResults.Convert(LavaCallback.Parse(body), job);
    }

    [Fact]
    public void A_boot_that_reached_the_prompt_passes_with_login_and_kernelmsg()
    {
        const string serial = "Linux version 6.1.0\n/ # \n";
        var log = SerialLogParser.Parse(serial);

        var outcome = Convert(BootVerdict.From(log, 0, TimeSpan.FromMinutes(1), []), serial);

        Assert.Equal(("pass", null), (outcome.Result, outcome.ErrorCode));
        var setup = Assert.Single(outcome.Children);
        Assert.Equal(["login:pass", "kernelmsg:pass"], setup.Children.Select(c => $"{c.Name}:{c.Result}"));
    }

    [Fact]
    public void A_kernel_that_panicked_before_the_prompt_fails_the_boot()
    {
        const string serial = "Linux version 6.1.0\nKernel panic - not syncing: VFS\n";
        var log = SerialLogParser.Parse(serial);

        var outcome = Convert(BootVerdict.From(log, 0, TimeSpan.FromMinutes(1), []), serial);

        Assert.Equal("fail", outcome.Result);
        Assert.Contains(Assert.Single(outcome.Children).Children, c => c is { Name: "login", Result: "fail" });
    }

    [Fact]
    public void A_lab_failure_before_the_boot_is_incomplete_with_its_error_code()
    {
        var outcome = Convert(BootVerdict.Incomplete("Infrastructure", "preparing the boot failed: 404"), null);

        Assert.Equal(("incomplete", "Infrastructure", "preparing the boot failed: 404"), (outcome.Result, outcome.ErrorCode, outcome.ErrorMessage));
        Assert.Empty(outcome.Children);
    }

    [Fact]
    public void A_failed_test_case_fails_the_job_under_its_suite()
    {
        const string serial = "Linux version 6.1.0\n/ # \n<LAVA_SIGNAL_STARTRUN 1_smoke 1>\n<LAVA_SIGNAL_TESTCASE TEST_CASE_ID=probe RESULT=fail>\n<LAVA_SIGNAL_ENDRUN 1_smoke 1>\n";
        var log = SerialLogParser.Parse(serial);

        var outcome = Convert(BootVerdict.From(log, 0, TimeSpan.FromMinutes(1), []), serial, "smoke-x86");

        Assert.Equal("fail", outcome.Result);
        var suite = Assert.Single(outcome.Children, c => c.Name != "setup");
        Assert.Equal(["probe:fail"], suite.Children.Select(c => $"{c.Name}:{c.Result}"));
    }
}
