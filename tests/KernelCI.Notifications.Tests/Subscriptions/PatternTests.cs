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
}
