using KernelCI.Pipeline.Runtimes.Results;

namespace KernelCI.Pipeline.Tests.Runtimes.Results;

public sealed class KtapParserTests
{
    [Fact]
    public void Flat_tap13_results_map_ok_not_ok_and_skip()
    {
        var results = KtapParser.Parse("""
            TAP version 13
            1..3
            ok 1 - first
            not ok 2 - second
            ok 3 third # SKIP not here
            """.Split('\n'));

        Assert.Equal([("first", "pass"), ("second", "fail"), ("third", "skip")], results.Select(r => (r.Name, r.Result)));
    }

    [Fact]
    public void Indented_subtests_become_children_of_the_next_result_one_level_up()
    {
        var results = KtapParser.Parse("""
            KTAP version 1
            1..2
                KTAP version 1
                # Subtest: math
                1..2
                ok 1 add
                    KTAP version 1
                    1..1
                    not ok 1 deep
                not ok 2 nested
            not ok 1 math
            ok 2 other
            """.Split('\n'));

        Assert.Equal(["math", "other"], results.Select(r => r.Name));
        var math = results[0];
        Assert.Equal(("job", "fail"), (math.Kind, math.Result));
        Assert.Equal([("add", "pass"), ("nested", "fail")], math.Children.Select(c => (c.Name, c.Result)));
        Assert.Equal(("deep", "fail"), (math.Children[1].Children.Single().Name, math.Children[1].Children.Single().Result));
        Assert.Empty(results[1].Children);
    }

    [Fact]
    public void Console_noise_between_ktap_lines_is_ignored()
    {
        var results = KtapParser.Parse(["KTAP version 1", "1..1", "random: crng init done", "# diagnostic", "ok 1 alive"]);

        Assert.Equal(("alive", "pass"), (Assert.Single(results).Name, results[0].Result));
    }
}
