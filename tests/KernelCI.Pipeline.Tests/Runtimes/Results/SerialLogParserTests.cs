using KernelCI.Pipeline.Runtimes.Results;

namespace KernelCI.Pipeline.Tests.Runtimes.Results;

public sealed class SerialLogParserTests
{
    [Fact]
    public void Prompt_after_kernel_start_is_a_login()
    {
        var log = SerialLogParser.Parse("[    0.000000] Linux version 6.1.0 (gcc)\r\nFreeing unused kernel memory\r\n/ # echo hi\r\nhi\r\n");

        Assert.Equal((true, true), (log.KernelStarted, log.PromptReached));
        Assert.Empty(log.KernelErrors);
    }

    [Fact]
    public void Panic_and_crit_level_messages_are_kernel_errors()
    {
        var log = SerialLogParser.Parse("""
            [    0.000000] Linux version 6.1.0
            [    1.000000] Kernel panic - not syncing: No working init found.
            <2>[    2.000000] thermal: critical temperature
            <6>[    3.000000] just information
            """);

        Assert.False(log.PromptReached);
        Assert.Equal(2, log.KernelErrors.Count);
        Assert.Contains("Kernel panic", log.KernelErrors[0]);
    }

    [Fact]
    public void Lava_signals_build_suites_sets_and_cases()
    {
        var log = SerialLogParser.Parse("""
            / # 
            <LAVA_SIGNAL_STARTRUN 1_smoke 1234>
            <LAVA_SIGNAL_STARTTC first>
            <LAVA_SIGNAL_ENDTC first>
            <LAVA_SIGNAL_TESTCASE TEST_CASE_ID=first RESULT=pass>
            <LAVA_SIGNAL_TESTSET START group>
            <LAVA_SIGNAL_TESTCASE TEST_CASE_ID=inner RESULT=fail>
            <LAVA_SIGNAL_TESTCASE TEST_CASE_ID=odd RESULT=unknown>
            <LAVA_SIGNAL_TESTSET STOP>
            <LAVA_SIGNAL_TESTCASE TEST_CASE_ID=last RESULT=skip>
            <LAVA_SIGNAL_ENDRUN 1_smoke 1234>
            <LAVA_SIGNAL_STARTRUN 2_other 5678>
            <LAVA_SIGNAL_TESTCASE TEST_CASE_ID=fine RESULT=pass MEASUREMENT=3 UNITS=s>
            <LAVA_SIGNAL_ENDRUN 2_other 5678>
            """);

        Assert.Equal([("smoke", "fail"), ("other", "pass")], log.Suites.Select(s => (s.Name, s.Result)));
        var smoke = log.Suites[0];
        Assert.Equal([("first", "pass"), ("group", "fail"), ("last", "skip")], smoke.Children.Select(c => (c.Name, c.Result)));
        Assert.Equal([("inner", "fail"), ("odd", "skip")], smoke.Children[1].Children.Select(c => (c.Name, c.Result)));
    }

    [Fact]
    public void Ktap_inside_a_test_set_lands_in_that_set()
    {
        var log = SerialLogParser.Parse("""
            <LAVA_SIGNAL_STARTRUN 1_kunit x>
            <LAVA_SIGNAL_TESTSET START selftest>
            KTAP version 1
            1..1
                KTAP version 1
                1..1
                ok 1 case
            ok 1 group
            <LAVA_SIGNAL_TESTSET STOP>
            <LAVA_SIGNAL_ENDRUN 1_kunit x>
            """);

        var set = Assert.Single(Assert.Single(log.Suites).Children);
        Assert.Equal("selftest", set.Name);
        var group = Assert.Single(set.Children);
        Assert.Equal(("group", "pass", "case"), (group.Name, group.Result, Assert.Single(group.Children).Name));
    }

    [Fact]
    public void Cases_outside_any_run_go_to_the_default_suite()
    {
        var log = SerialLogParser.Parse("<LAVA_SIGNAL_TESTCASE TEST_CASE_ID=alone RESULT=fail>\n");

        var suite = Assert.Single(log.Suites);
        Assert.Equal((SerialLogParser.DefaultSuite, "fail"), (suite.Name, suite.Result));
    }
}
