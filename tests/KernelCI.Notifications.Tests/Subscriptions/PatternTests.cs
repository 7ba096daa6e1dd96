using KernelCI.Notifications.Subscriptions;

namespace KernelCI.Notifications.Tests.Subscriptions;

public sealed class PatternTests
{
    [Theory]
    [InlineData("baseline.*", "baseline.login", true)]
    [InlineData("baseline.*", "baseline", false)]
    [InlineData("kselftest.*.mm*", "kselftest.cpufreq.mm_test", true)]
    [InlineData("baseline.login", "baseline.login.extra", false)]
    [InlineData("*login", "baseline.login", true)]
    [InlineData("base*line*", "baseline", true)]
    [InlineData("b*a*c", "bxaxbxc", true)]
    [InlineData("b*a*c", "bxbxc", false)]
    public void Test_path_pattern_matches_whole_paths(string pattern, string path, bool matches) =>
        Assert.Equal(matches, Patterns.PathMatches(pattern, path));

    [Theory]
    [InlineData("drivers/net/", "drivers/net/ethernet/intel/e1000/e1000_main.c", true)]
    [InlineData("drivers/net/", "drivers/netdevsim/bus.c", false)]
    [InlineData("arch/*/kvm/", "arch/x86/kvm/x86.c", true)]
    [InlineData("mm/slub.c", "mm/slub.c", true)]
    [InlineData("mm/*.c", "mm/kasan/common.c", false)]
    [InlineData("mm/slu?.c", "mm/slub.c", true)]
    [InlineData("arch/*/kvm/", "arch/x86/kvm", false)]
    [InlineData("drivers/net", "drivers/net/foo.c", false)]
    public void Files_pattern_follows_maintainers_rules(string pattern, string file, bool matches) =>
        Assert.Equal(matches, Patterns.FileMatches(pattern, file));

    [Fact]
    public void Hostile_path_pattern_is_answered_in_linear_time()
    {
        // 128 stars against a 10,000-character path that almost matches: exponential with backtracking.
        var pattern = string.Concat(Enumerable.Repeat("*a", 127)) + "*b";
        var path = new string('a', 10_000);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        Assert.False(Patterns.PathMatches(pattern, path));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), clock.Elapsed.ToString());
    }

    [Fact]
    public void Hostile_files_pattern_is_answered_in_linear_time()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 127)) + "*b";
        Assert.False(Patterns.FileMatches(pattern, new string('a', 10_000)));
    }

    [Fact]
    public void Ten_thousand_distinct_patterns_are_matched_against_a_path_at_once()
    {
        // Every subscription's pattern is matched against every regression: building an automaton per pattern took
        // 20-40 s for 10,000 of them on the loaded benchmark machine (./bench.sh notify).
        var patterns = Enumerable.Range(0, 10_000).Select(i => $"bench.case.c{i:D5}*").ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var matched = patterns.Count(p => Patterns.PathMatches(p, "bench.case.c04242"));

        Assert.Equal(1, matched);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), clock.Elapsed.ToString());
    }
}
