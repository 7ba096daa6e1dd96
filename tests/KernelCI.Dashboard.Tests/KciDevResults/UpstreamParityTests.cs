using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests.Hardware;
using KernelCI.Dashboard.Tests.Trees;
using KernelCI.Data;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>The same seeded dashboard answers upstream's kci-dev 0.1.11 and ours with the same --json output. Lists are
/// compared by id: ours reads pages in the server's paging order (by id), upstream's takes the unpaged order. Upstream's
/// tests and boots link to `/build/ID`, a defect ours does not copy (`/test/ID`), so that link is normalised first.</summary>
public sealed class UpstreamParityTests(ResultsServer server) : IClassFixture<ResultsServer>
{
    private static readonly string[] Head = [.. BuildsCommandTests.Head, "--json"];

    private static readonly string[] Branch = ["--giturl", TreeSeed.MainlineUrl, "--branch", "master", "--json"];

    public static TheoryData<DatabaseKind, ResultsServer.Seed, string[]> Commands()
    {
        var data = new TheoryData<DatabaseKind, ResultsServer.Seed, string[]>();
        foreach (var kind in new[] { DatabaseKind.Sqlite, DatabaseKind.PostgreSql })
        {
            data.Add(kind, ResultsServer.Seed.Trees, ["results", "summary", .. Head]);
            data.Add(kind, ResultsServer.Seed.Trees, ["results", "summary", "--arch", "arm64", .. Head]);
            data.Add(kind, ResultsServer.Seed.Trees, ["results", "summary", "--history", .. Branch]);
            data.Add(kind, ResultsServer.Seed.Trees, ["results", "builds", .. Head]);
            data.Add(kind, ResultsServer.Seed.Trees, ["results", "builds", "--status", "fail", "--config", "*defconfig", "--compiler", "gcc-12", .. Head]);
            data.Add(kind, ResultsServer.Seed.Trees, ["results", "boots", .. Head]);
            data.Add(kind, ResultsServer.Seed.Trees, ["results", "tests", .. Head]);
            data.Add(kind, ResultsServer.Seed.Trees, ["results", "tests", "--hardware", "*rock*", "--test-path", "kselftest.*", "--compatible", "RK3399", .. Head]);
            data.Add(kind, ResultsServer.Seed.Trees, ["results", "tests", "--status", "inconclusive", "--count", .. Head]);
            data.Add(kind, ResultsServer.Seed.Hardware, ["results", "hardware", "list", "--json"]);
            data.Add(kind, ResultsServer.Seed.Hardware, ["results", "hardware", "summary", "--name", HardwareSeed.Compatible, "--json"]);
            data.Add(kind, ResultsServer.Seed.Hardware, ["results", "hardware", "builds", "--name", HardwareSeed.Board, "--json"]);
            data.Add(kind, ResultsServer.Seed.Hardware, ["results", "hardware", "boots", "--name", HardwareSeed.Board, "--json"]);
            data.Add(kind, ResultsServer.Seed.Hardware, ["results", "hardware", "tests", "--name", HardwareSeed.Compatible, "--status", "fail", "--json"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Ours_prints_the_same_json_as_upstream(DatabaseKind kind, ResultsServer.Seed seed, string[] arguments)
    {
        var upstream = JsonNode.Parse(await server.UpstreamAsync(kind, seed, arguments));
        var ours = (await ResultsServer.RunOursAsync(server.ApiUrl(kind, seed), arguments)).Json();

        var tests = arguments.Contains("tests") || arguments.Contains("boots");
        Assert.Equal(Normalise(upstream, tests), Normalise(ours, tests: false));
    }

    private static string Normalise(JsonNode? output, bool tests)
    {
        if (output is not JsonArray list || list.Any(i => i?["id"] is null))
        {
            return output!.ToJsonString();
        }

        var items = list.Select(i => i!.DeepClone().AsObject()).OrderBy(i => (string?)i["id"], StringComparer.Ordinal).ToList();
        if (tests)
        {
            foreach (var item in items)
            {
                item["dashboard"] = ((string?)item["dashboard"])?.Replace("/build/", "/test/", StringComparison.Ordinal);
            }
        }

        return new JsonArray([.. items]).ToJsonString();
    }
}
