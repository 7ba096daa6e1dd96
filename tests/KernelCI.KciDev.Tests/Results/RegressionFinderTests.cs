using System.Text.Json.Nodes;
using KernelCI.KciDev.Results;

namespace KernelCI.KciDev.Tests.Results;

/// <summary>How `results compare` pairs items and picks regressions: upstream's keys and dictionary rules
/// (kernelci/kci-dev:kcidev/subcommands/results/parser.py, cmd_compare).</summary>
public sealed class RegressionFinderTests
{
    [Fact]
    public void Only_pass_to_fail_is_a_regression()
    {
        var before = Items("""[{"path":"a","status":"PASS"},{"path":"b","status":"PASS"},{"path":"c","status":"FAIL"},{"path":"d","status":"ERROR"}]""");
        var after = Items("""[{"path":"a","status":"FAIL"},{"path":"b","status":"SKIP"},{"path":"c","status":"FAIL"},{"path":"d","status":"FAIL"},{"path":"e","status":"FAIL"}]""");

        var regressions = RegressionFinder.Find(after, before, RegressionFinder.TestKey);

        Assert.Equal(["a"], regressions.Select(r => (string?)r["path"]));
    }

    [Fact]
    public void Last_item_of_a_key_wins_in_the_order_its_key_first_appeared()
    {
        // Given two runs of "a" in the newer commit, the later one (FAIL) is the one compared, and "a" stays first.
        var before = Items("""[{"path":"a","status":"PASS"},{"path":"b","status":"PASS"}]""");
        var after = Items("""[{"path":"a","status":"PASS","id":"1"},{"path":"b","status":"FAIL"},{"path":"a","status":"FAIL","id":"2"}]""");

        var regressions = RegressionFinder.Find(after, before, RegressionFinder.TestKey);

        Assert.Equal(["2", null], regressions.Select(r => (string?)r["id"]));
    }

    [Fact]
    public void Build_key_is_config_arch_and_compiler_with_upstreams_placeholders()
    {
        var build = Items("""[{"config_name":"defconfig","architecture":null}]""")[0];

        Assert.Equal("defconfig|None|unknown", RegressionFinder.BuildKey(build));
    }

    [Fact]
    public void Test_key_reads_the_platform_from_environment_misc()
    {
        var test = Items("""[{"path":"boot","environment_misc":{"platform":"beagle"},"config_name":"defconfig","architecture":"arm64"}]""")[0];

        Assert.Equal("boot|beagle|defconfig|arm64", RegressionFinder.TestKey(test));
    }

    private static List<JsonObject> Items(string json) => [.. JsonNode.Parse(json)!.AsArray().Select(n => n!.AsObject())];
}
