using KernelCI.Pipeline.Runtimes.Lava.Callback;
using static KernelCI.Pipeline.Tests.Runtimes.Lava.Callback.CallbackPayloads;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;

public sealed class CallbackResultsTests
{
    private static CallbackOutcome Convert(Dictionary<string, string>? results = null, int status = 2, string? log = null, string job = "baseline-x86",
        bool noLog = false)
    {
        var body = Body(status, results, log);
        if (noLog)
        {
            body.Remove("log");
        }

        return CallbackResults.Convert(LavaCallback.Parse(body), job);
    }

    private static CallbackNode Child(CallbackOutcome outcome, string name) => Assert.Single(outcome.Children, c => c.Name == name);

    [Fact]
    public void The_lava_suite_becomes_setup_with_login_and_kernelmsg()
    {
        var setup = Child(Convert(), "setup");
        Assert.Equal(("job", "pass"), (setup.Kind, setup.Result));
        Assert.Equal(["login:pass", "kernelmsg:pass"], setup.Children.Select(c => $"{c.Name}:{c.Result}"));
    }

    [Fact]
    public void A_suite_becomes_a_job_named_without_its_index()
    {
        var smoke = Child(Convert(), "smoke");
        Assert.Equal("job", smoke.Kind);
        Assert.Equal(["uname:test:pass", "proc-version:test:pass", "expected-fail:test:fail", "subgroup:job:pass"],
            smoke.Children.Select(c => $"{c.Name}:{c.Kind}:{c.Result}"));
    }

    [Fact]
    public void Cases_of_a_test_set_are_nested_under_it()
    {
        var set = Assert.Single(Child(Convert(), "smoke").Children, c => c.Name == "subgroup");
        Assert.Equal("in-set", Assert.Single(set.Children).Name);
    }

    [Fact]
    public void A_failed_case_fails_its_suite_and_the_job()
    {
        var outcome = Convert();
        Assert.Equal("fail", Child(outcome, "smoke").Result);
        Assert.Equal(("fail", null), (outcome.Result, outcome.ErrorCode));
    }

    [Fact]
    public void A_complete_job_whose_cases_all_passed_passes()
    {
        var outcome = Convert(new() { ["lava"] = LavaSuite(), ["0_smoke"] = Suite(Case("uname", "pass")) });
        Assert.Equal("pass", outcome.Result);
    }

    [Fact]
    public void Login_passes_when_any_login_attempt_passed()
    {
        var lava = Suite(Case("auto-login-action", "fail", "lava"), Case("auto-login-action", "pass", "lava"), Case("job", "pass", "lava"));
        var setup = Child(Convert(new() { ["lava"] = lava }), "setup");
        Assert.Equal("pass", Assert.Single(setup.Children).Result);
    }

    [Fact]
    public void Kernelmsg_fails_when_any_check_failed()
    {
        var lava = Suite(Case("kernel-messages", "pass", "lava"), Case("kernel-messages", "fail", "lava"), Case("login-action", "pass", "lava"));
        var setup = Child(Convert(new() { ["lava"] = lava }), "setup");
        Assert.Equal("fail", Assert.Single(setup.Children, c => c.Name == "kernelmsg").Result);
    }

    [Fact]
    public void Setup_is_omitted_when_neither_login_nor_kernel_messages_ran()
    {
        var outcome = Convert(new() { ["lava"] = Suite(Case("validate", "pass", "lava")) }, status: 3);
        Assert.DoesNotContain(outcome.Children, c => c.Name == "setup");
    }

    [Fact]
    public void A_complete_job_whose_setup_failed_is_incomplete()
    {
        var outcome = Convert(new() { ["lava"] = LavaSuite(login: "fail"), ["0_smoke"] = Suite(Case("uname", "pass")) });
        Assert.Equal("incomplete", outcome.Result);
    }

    [Fact]
    public void An_incomplete_job_takes_its_error_from_the_job_stage()
    {
        var outcome = Convert(new() { ["lava"] = LavaSuite(jobError: "Infrastructure", jobMessage: "Unable to start libguestfs") }, status: 3);
        Assert.Equal(("incomplete", "Infrastructure", "Unable to start libguestfs"), (outcome.Result, outcome.ErrorCode, outcome.ErrorMessage));
    }

    [Fact]
    public void An_incomplete_job_without_a_job_stage_is_an_infrastructure_error()
    {
        var outcome = Convert(new() { ["0_smoke"] = Suite(Case("uname", "pass")) }, status: 3);
        Assert.Equal(("incomplete", "Infrastructure", "Unknown infrastructure error"), (outcome.Result, outcome.ErrorCode, outcome.ErrorMessage));
    }

    [Fact]
    public void A_canceled_job_is_incomplete()
    {
        var outcome = Convert(new() { ["lava"] = LavaSuite(jobError: "Canceled", jobMessage: "Canceled") }, status: 4);
        Assert.Equal(("incomplete", "Canceled"), (outcome.Result, outcome.ErrorCode));
    }

    [Fact]
    public void An_incomplete_boot_whose_login_failed_by_a_job_error_is_a_failure()
    {
        var lava = LavaSuite(login: "fail", jobError: "Job", jobMessage: "auto-login-action timed out after 300 seconds");
        var outcome = Convert(new() { ["lava"] = lava }, status: 3, job: "baseline-x86");
        Assert.Equal(("fail", "Job"), (outcome.Result, outcome.ErrorCode));
    }

    [Fact]
    public void An_incomplete_non_boot_job_whose_login_failed_stays_incomplete()
    {
        var lava = LavaSuite(login: "fail", jobError: "Job", jobMessage: "auto-login-action timed out after 300 seconds");
        Assert.Equal("incomplete", Convert(new() { ["lava"] = lava }, status: 3, job: "kselftest-dt").Result);
    }

    [Fact]
    public void A_callback_without_a_log_is_incomplete()
    {
        var outcome = Convert(new() { ["lava"] = LavaSuite(), ["0_smoke"] = Suite(Case("uname", "pass")) }, noLog: true);
        Assert.Equal(("incomplete", "Infrastructure"), (outcome.Result, outcome.ErrorCode));
    }

    [Fact]
    public void Unknown_results_become_skip()
    {
        var smoke = Child(Convert(new() { ["0_smoke"] = Suite(Case("maybe", "unknown")) }), "smoke");
        Assert.Equal(("skip", "skip"), (smoke.Result, Assert.Single(smoke.Children).Result));
    }

    [Fact]
    public void A_failed_stage_fails_its_suite_even_when_its_cases_passed()
    {
        var outcome = Convert(new() { ["lava"] = LavaSuite(stage: "fail"), ["0_smoke"] = Suite(Case("uname", "pass")) });
        Assert.Equal("fail", Child(outcome, "smoke").Result);
    }

    [Fact]
    public void A_case_named_twice_keeps_its_first_result()
    {
        var smoke = Child(Convert(new() { ["0_smoke"] = Suite(Case("uname", "fail"), Case("uname", "pass")) }), "smoke");
        Assert.Equal("fail", Assert.Single(smoke.Children).Result);
    }

    [Fact]
    public void Passed_artifact_upload_cases_become_artifacts_and_no_suite()
    {
        var upload = Suite(Case("artifact-upload:coverage:https://files.example.org/x/coverage.tar.gz", "pass", "1_upload"),
            Case("artifact-upload:broken:https://files.example.org/x/broken", "fail", "1_upload"));
        var outcome = Convert(new() { ["lava"] = LavaSuite(), ["1_upload"] = upload });
        Assert.Equal("https://files.example.org/x/coverage.tar.gz", Assert.Single(outcome.UploadedArtifacts).Value);
        Assert.DoesNotContain(outcome.Children, c => c.Name == "upload");
    }

    [Fact]
    public void A_callback_with_5000_cases_becomes_the_whole_tree()
    {
        var cases = Enumerable.Range(0, 5000).Select(i => Case($"case-{i}", i % 100 == 0 ? "fail" : "pass", set: $"set-{i / 500}"));
        var outcome = Convert(new() { ["lava"] = LavaSuite(), ["0_big"] = Suite([.. cases]) });
        var big = Child(outcome, "big");
        Assert.Equal(10, big.Children.Count);
        Assert.Equal(5000, big.Children.Sum(s => s.Children.Count));
        Assert.All(big.Children, s => Assert.Equal("fail", s.Result));
        Assert.Equal("fail", outcome.Result);
    }
}
