using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Pipeline.Labs;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.ServiceDefaults.Labs;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests.Labs;

public sealed class LabViewCountsTests
{
    private static DeviceTypeReport Type(LabReport lab, string name) => Assert.Single(lab.DeviceTypes, t => t.Name == name);

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Queued_and_running_jobs_are_counted_per_device_type_from_the_nodes(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        await using var services = LabViewHost.Services(stack, LabViewHost.Config());
        await LabViewHost.JobAsync(stack, "running", data: new JsonObject { ["job_id"] = "7" });
        await LabViewHost.JobAsync(stack, "running", data: new JsonObject { ["job_id"] = "8" });
        await LabViewHost.JobAsync(stack, "running");
        await LabViewHost.JobAsync(stack, "available", platform: "bcm2711-rpi-4-b");
        await LabViewHost.JobAsync(stack, "done", data: new JsonObject { ["job_id"] = "6" });
        await LabViewHost.JobAsync(stack, "running", lab: "lava-other", data: new JsonObject { ["job_id"] = "9" });

        var lab = Assert.Single(await LabViewHost.LabsAsync(services));

        Assert.Equal((LabViewHost.Lab, "lava"), (lab.Name, lab.LabType));
        Assert.Equal((1, 2), (Type(lab, "qemu").Queued, Type(lab, "qemu").Running));
        Assert.Equal((1, 0), (Type(lab, "bcm2711-rpi-4-b").Queued, Type(lab, "bcm2711-rpi-4-b").Running));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Submission_to_result_time_is_the_p50_and_p95_of_the_recent_jobs_that_recorded_both(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        await using var services = LabViewHost.Services(stack, LabViewHost.Config());
        var submitted = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        for (var seconds = 1; seconds <= 20; seconds++)
        {
            var data = new JsonObject();
            JobTimes.SetSubmittedAt(data, submitted);
            JobTimes.SetResultAt(data, submitted.AddSeconds(seconds * 60));
            await LabViewHost.JobAsync(stack, "done", data: data);
        }

        await LabViewHost.JobAsync(stack, "done");

        var latency = Type(Assert.Single(await LabViewHost.LabsAsync(services)), "qemu").SubmissionToResult;

        Assert.Equal(new JobLatency(20, 600, 1140), latency);
    }

    [Fact]
    public async Task Lab_without_an_api_is_listed_with_its_health_not_reported()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var services = LabViewHost.Services(stack, LabViewHost.Config(LabViewHost.Runtime("pull-lab", "pull_labs")));
        await LabViewHost.JobAsync(stack, "available", lab: "pull-lab");

        var labs = await LabViewHost.LabsAsync(services);

        Assert.Equal([LabViewHost.Lab, "pull-lab"], labs.Select(l => l.Name));
        Assert.All(labs, l => Assert.Equal(LabHealth.NotReported, l.Health.Status));
        Assert.Null(Type(labs[1], "qemu").Devices);
        Assert.Equal(1, Type(labs[1], "qemu").Queued);
    }

    [Fact]
    public async Task Runtimes_that_are_not_labs_are_left_out()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var services = LabViewHost.Services(stack, LabViewHost.Config(LabViewHost.Runtime("shell", "shell")));

        var labs = await LabViewHost.LabsAsync(services);

        Assert.Equal([LabViewHost.Lab], labs.Select(l => l.Name));
    }
}
