using KernelCI.Dashboard.Trees.Compare;

namespace KernelCI.Dashboard.Tests.Trees;

/// <summary>Which run of an identity compare keeps: what its queries' ORDER BY used to decide.</summary>
public sealed class CompareNewestFirstTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Later_start_comes_first()
    {
        Assert.True(new NewestFirst(Noon.AddMinutes(1), Noon, "b").ComesBefore(new NewestFirst(Noon, Noon.AddHours(1), "a")));
    }

    [Fact]
    public void Unknown_start_comes_after_a_known_one()
    {
        Assert.False(new NewestFirst(null, Noon, "a").ComesBefore(new NewestFirst(Noon, Noon, "b")));
        Assert.True(new NewestFirst(Noon, Noon, "b").ComesBefore(new NewestFirst(null, Noon, "a")));
    }

    [Fact]
    public void Same_start_is_decided_by_the_later_write()
    {
        Assert.True(new NewestFirst(Noon, Noon.AddSeconds(1), "b").ComesBefore(new NewestFirst(Noon, Noon, "a")));
        Assert.True(new NewestFirst(Noon, Noon, "b").ComesBefore(new NewestFirst(Noon, null, "a")));
    }

    [Fact]
    public void Same_times_are_decided_by_the_smaller_id()
    {
        Assert.True(new NewestFirst(Noon, Noon, "a").ComesBefore(new NewestFirst(Noon, Noon, "b")));
        Assert.False(new NewestFirst(null, null, "b").ComesBefore(new NewestFirst(null, null, "a")));
    }
}
