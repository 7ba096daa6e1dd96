using System.Text.Json.Nodes;
using KernelCI.KciDev.Tests.Servers;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Maestro;

/// <summary>`maestro results` against a real Maestro API: ours prints what upstream's kci-dev prints (kci-dev.md §2.1).</summary>
public sealed class MaestroResultsTests(SeededMaestro maestro) : IClassFixture<SeededMaestro>, IDisposable
{
    private readonly KciDevHarness _kciDev = new();
    private readonly UpstreamKciDev _upstream = new(maestro.Settings);

    [Fact]
    public async Task Nodeid_prints_what_upstream_prints()
    {
        var (ours, theirs) = await BothAsync("maestro", "results", "--nodeid", maestro.BuildX86.Id!);

        Assert.Equal(theirs.Output, ours.Output);
        var node = Assert.Single(JsonNode.Parse(ours.Output)!.AsArray())!;
        Assert.Equal("kbuild-gcc-12-x86", node["name"]!.ToString());
    }

    [Fact]
    public async Task Nodes_with_filters_print_what_upstream_prints()
    {
        var (ours, theirs) = await BothAsync("maestro", "results", "--nodes", "--filter", "kind=kbuild", "--filter", "result__ne=fail", "--tree", "mainline");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(theirs.Output), JsonNode.Parse(ours.Output)), $"ours:\n{ours}\nupstream:\n{theirs}");
        Assert.Equal(maestro.BuildX86.Id, Assert.Single(JsonNode.Parse(ours.Output)!.AsArray())!["id"]!.ToString());
    }

    [Fact]
    public async Task Count_prints_what_upstream_prints()
    {
        var (ours, theirs) = await BothAsync("maestro", "results", "--nodes", "--filter", "treeid=tree-1", "--count");

        Assert.Equal("4\n", ours.Output);
        Assert.Equal(theirs.Output, ours.Output);
    }

    [Fact]
    public async Task Field_keeps_only_the_named_fields()
    {
        _kciDev.WriteSettings(maestro.Settings);

        var result = await _kciDev.RunAsync("maestro", "results", "--nodeid", maestro.Checkout.Id!, "--field", "name", "--field", "nope");

        Assert.Equal("[\n    {\n        \"name\": \"checkout\",\n        \"nope\": null\n    }\n]\n", result.Output);
    }

    [Fact]
    public async Task Tree_and_dates_become_maestro_filters()
    {
        _kciDev.WriteSettings(maestro.Settings);

        var result = await _kciDev.RunAsync("--debug", "maestro", "results", "--nodes", "--no-paginate", "--tree", "mainline",
            "--start-date", "2020-01-01", "--end-date", "2100-01-01", "--count");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("4\n", result.Output);
        Assert.Contains($"GET {maestro.Server.Url}latest/nodes/fast?data.kernel_revision.tree=mainline&created__gte=2020-01-01&created__lte=2100-01-01\n", result.Error);
    }

    [Fact]
    public async Task Limit_and_offset_page_the_nodes()
    {
        _kciDev.WriteSettings(maestro.Settings);

        var result = await _kciDev.RunAsync("--debug", "maestro", "results", "--nodes", "--limit", "2", "--offset", "1", "--count");

        Assert.Equal("2\n", result.Output);
        Assert.Contains("latest/nodes/fast?limit=2&offset=1\n", result.Error);
    }

    [Fact]
    public async Task Unknown_node_is_not_found_as_upstream_says()
    {
        _kciDev.WriteSettings(maestro.Settings);

        var result = await _kciDev.RunAsync("maestro", "results", "--nodeid", "000000000000000000000000");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("kci-dev: Node 000000000000000000000000 not found\n", result.Error);
    }

    [Fact]
    public async Task Maestro_refusal_is_one_line_and_exit_2()
    {
        _kciDev.WriteSettings(maestro.Settings);

        var result = await _kciDev.RunAsync("maestro", "results", "--nodeid", "not-an-id");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("kci-dev: Maestro API: ", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Unreachable_maestro_is_one_line_and_exit_2_as_upstream()
    {
        _kciDev.WriteSettings($"default_instance = \"local\"\n[local]\napi = \"http://127.0.0.1:{FreePort.BasePort()}/\"\n");

        var result = await _kciDev.RunAsync("maestro", "results", "--nodes");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("kci-dev: cannot reach the Maestro API: ", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--filter", "kind", "--filter kind: expected KEY=VALUE")]
    [InlineData("--limit", "-1", "--limit -1: must not be negative")]
    public async Task Bad_option_is_named_in_one_line(string option, string value, string message)
    {
        _kciDev.WriteSettings(maestro.Settings);

        var result = await _kciDev.RunAsync("maestro", "results", "--nodes", option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("kci-dev: " + message, result.Error);
    }

    [Fact]
    public async Task Neither_nodeid_nor_nodes_is_refused()
    {
        _kciDev.WriteSettings(maestro.Settings);

        var result = await _kciDev.RunAsync("maestro", "results");

        Assert.Equal("kci-dev: give --nodeid ID or --nodes\n", result.Error);
    }

    [Fact]
    public async Task Without_config_file_it_says_so()
    {
        var result = await _kciDev.RunAsync("maestro", "results", "--nodes");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("kci-dev: no config file", result.Error);
    }

    private async Task<(ProcessResult Ours, ProcessResult Theirs)> BothAsync(params string[] arguments)
    {
        _kciDev.WriteSettings(maestro.Settings);
        var ours = await _kciDev.RunAsync(arguments);
        var theirs = await _upstream.RunAsync(arguments);
        Assert.True(theirs.ExitCode == 0, theirs.ToString());
        Assert.True(ours.ExitCode == 0, ours.ToString());
        return (ours, theirs);
    }

    public void Dispose()
    {
        _kciDev.Dispose();
        _upstream.Dispose();
    }
}
