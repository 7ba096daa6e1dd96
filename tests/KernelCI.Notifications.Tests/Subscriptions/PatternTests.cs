using KernelCI.Notifications.Subscriptions;

namespace KernelCI.Notifications.Tests.Subscriptions;

public sealed class PatternTests
{
    [Theory]
    [InlineData("baseline.*", "baseline.login", true)]
    [InlineData("baseline.*", "baseline", false)]
    [InlineData("kselftest.*.mm*", "kselftest.cpufreq.mm_test", true)]
    [InlineData("baseline.login", "baseline.login.extra", false)]
    public void Test_path_pattern_matches_whole_paths(string pattern, string path, bool matches) =>
        Assert.Equal(matches, Patterns.PathMatches(pattern, path));

    [Theory]
    [InlineData("drivers/net/", "drivers/net/ethernet/intel/e1000/e1000_main.c", true)]
    [InlineData("drivers/net/", "drivers/netdevsim/bus.c", false)]
    [InlineData("arch/*/kvm/", "arch/x86/kvm/x86.c", true)]
    [InlineData("mm/slub.c", "mm/slub.c", true)]
    [InlineData("mm/*.c", "mm/kasan/common.c", false)]
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
}
