using KernelCI.Pipeline.Runtimes.Lava;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava;

public sealed class LavaPriorityTests
{
    [Theory]
    [InlineData("high", "low", 60)]
    [InlineData(null, "medium", 40)]
    [InlineData(null, null, 20)]
    public void Pipeline_jobs_take_the_tree_then_the_job_priority(string? tree, string? job, int expected) =>
        Assert.Equal(expected, LavaPriority.Base("service:pipeline", null, tree, job));

    [Theory]
    [InlineData("70", 70)]
    [InlineData(null, 80)]
    public void User_jobs_take_their_own_priority_else_the_highest(string? user, int expected) =>
        Assert.Equal(expected, LavaPriority.Base("user:alice@example.org", user, "low", "low"));

    [Fact]
    public void Lab_range_maps_the_priority_between_its_min_and_max() =>
        Assert.Equal(52, LavaPriority.Scale(60, LavaRequests.Lab(min: 40, max: 60)));

    [Fact]
    public void Lab_percentage_scales_the_priority() =>
        Assert.Equal(30, LavaPriority.Scale(60, LavaRequests.Lab(priority: 50)));

    [Fact]
    public void Lab_without_limits_keeps_the_priority() =>
        Assert.Equal(60, LavaPriority.Scale(60, LavaRequests.Lab()));
}
