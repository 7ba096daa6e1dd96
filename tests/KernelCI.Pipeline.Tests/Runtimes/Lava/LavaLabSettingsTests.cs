using System.Text.Json.Nodes;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Pipeline.Runtimes.Lava;
using Microsoft.Extensions.Options;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava;

public sealed class LavaLabSettingsTests
{
    [Fact]
    public void Upstream_lab_entry_reads_with_its_defaults()
    {
        var lab = Read(new JsonObject
        {
            ["url"] = "https://lava.collabora.dev/", ["priority_min"] = 40, ["priority_max"] = 60,
            ["notify"] = new JsonObject { ["callback"] = new JsonObject { ["token"] = "kernelci-api-token-staging" } },
        }, out var errors);

        Assert.Empty(errors);
        Assert.Equal((40, 60, 50, 2.0), (lab.PriorityMin, lab.PriorityMax, lab.MaxQueueDepth, lab.MaxQueueDepthPriorityFactor));
        Assert.Equal(("lava-x.runtime_token", "lava-x.callback_token"), (lab.RuntimeTokenName, lab.CallbackTokenName));
        Assert.Equal(new LavaNotifySettings("kernelci-api-token-staging", "json", "all", "POST", null), lab.Notify);
    }

    [Fact]
    public void Token_names_come_from_the_entry()
    {
        var lab = Read(new JsonObject { ["url"] = "https://lava.example.org", ["runtime_token"] = "collabora-lava", ["callback_token"] = "collabora-cb" }, out _);

        Assert.Equal(("collabora-lava", "collabora-cb"), (lab.RuntimeTokenName, lab.CallbackTokenName));
    }

    [Theory]
    [InlineData("priority_max", "120", "runtimes.lava-x.priority_max")]
    [InlineData("max_queue_depth", "0", "runtimes.lava-x.max_queue_depth")]
    [InlineData("url", "ftp://lava.example.org", "runtimes.lava-x.url")]
    public void Bad_setting_is_named_with_its_key(string key, string value, string named)
    {
        Read(new JsonObject { [key] = value }, out var errors);

        Assert.StartsWith(named + ":", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lab_whose_runtime_token_is_not_in_the_secrets_stops_the_start()
    {
        await using var harness = await LavaHarness.StartAsync(KernelCI.Data.DatabaseKind.Sqlite);
        var config = LavaHarness.Config(new JsonObject { ["runtime_token"] = "not-stored" });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Runtime(config));

        Assert.Contains("runtimes.lava-test.runtime_token: no secret 'not-stored'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pull_only_lab_needs_no_runtime_token()
    {
        var lab = Read(new JsonObject(), out var errors);

        Assert.Empty(errors);
        Assert.Null(lab.Url);
    }

    [Fact]
    public void Instance_callback_that_is_not_a_URL_is_named()
    {
        var result = new PipelineOptionsValidator().Validate("Pipeline", new PipelineOptions { InstanceCallback = "pipeline:8002" });

        Assert.Equal(["Pipeline:InstanceCallback: 'pipeline:8002' is not an http(s) URL"], result.Failures);
    }

    private static LavaLabSettings Read(JsonObject settings, out List<string> errors)
    {
        errors = [];
        return LavaLabSettings.Read(new RuntimeConfig("lava-x", "lava", Rules.None, settings), errors);
    }
}
