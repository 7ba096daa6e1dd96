using KernelCI.Pipeline.Runtimes.Lava.Callback;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;

/// <summary>The conversion over LAVA's own callbacks (complete, incomplete, canceled, failed login).</summary>
public sealed class RecordedCallbackResultsTests
{
    private static CallbackOutcome Convert(string name, string job = "baseline-x86") =>
        CallbackResults.Convert(LavaCallback.Parse(RecordedCallbacks.Load(name)), job);

    private static string Tree(IEnumerable<CallbackNode> nodes) =>
        string.Join(" ", nodes.Select(n => n.Children.Count == 0 ? $"{n.Name}={n.Result}" : $"{n.Name}={n.Result}({Tree(n.Children)})"));

    [Fact]
    public void Complete_callback_fails_the_job_with_its_failed_cases()
    {
        var outcome = Convert("complete");
        Assert.Equal(("fail", null, null), (outcome.Result, outcome.ErrorCode, outcome.ErrorMessage));
        Assert.Equal("setup=pass(login=pass kernelmsg=pass) smoke=fail(uname=pass proc-version=pass expected-fail=fail boot-metric=pass "
            + "skipped=skip subgroup=fail(in-set=pass in-set-fail=fail))", Tree(outcome.Children));
    }

    [Fact]
    public void Incomplete_callback_takes_lavas_test_error_and_keeps_the_cases_that_ran()
    {
        var outcome = Convert("incomplete", "kselftest-hang");
        Assert.Equal(("incomplete", "Test", "lava-test-shell timed out after 30 seconds"), (outcome.Result, outcome.ErrorCode, outcome.ErrorMessage));
        Assert.Equal("setup=pass(login=pass kernelmsg=pass) hang=fail(before-hang=pass)", Tree(outcome.Children));
    }

    [Fact]
    public void Canceled_callback_is_incomplete_with_lavas_canceled_error()
    {
        var outcome = Convert("canceled");
        Assert.Equal(("incomplete", "Canceled", "The job was canceled"), (outcome.Result, outcome.ErrorCode, outcome.ErrorMessage));
        Assert.Equal("setup=pass(login=pass kernelmsg=pass)", Tree(outcome.Children));
    }

    [Fact]
    public void Failed_login_fails_a_boot_job()
    {
        var outcome = Convert("login-failed");
        Assert.Equal(("fail", "Job"), (outcome.Result, outcome.ErrorCode));
        Assert.StartsWith("login-action timed out", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("setup=fail(login=fail)", Tree(outcome.Children));
    }

    [Fact]
    public void Failed_login_leaves_another_job_incomplete()
    {
        Assert.Equal("incomplete", Convert("login-failed", "kselftest-dt").Result);
    }

    [Fact]
    public void Login_never_seen_fails_a_boot_job_without_kernelmsg()
    {
        var outcome = Convert("login-never-seen");
        Assert.Equal(("fail", "Job"), (outcome.Result, outcome.ErrorCode));
        Assert.StartsWith("auto-login-action timed out", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("setup=fail(login=fail)", Tree(outcome.Children));
    }

    [Fact]
    public void Recorded_target_log_holds_the_kernel_banner_and_no_lava_messages()
    {
        var text = TargetLog.Text(LavaCallback.Parse(RecordedCallbacks.Load("complete")).Log!);
        Assert.Contains("Linux version", text, StringComparison.Ordinal);
        Assert.DoesNotContain("start: 0 validate", text, StringComparison.Ordinal);
    }
}
