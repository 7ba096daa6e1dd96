using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.KciDev.Maestro.Coverage;

/// <summary>Walks Maestro as upstream does: passed kbuilds of the tree, their passed `process` children named
/// `coverage-report*` with artifacts, and those children's `coverage.functions` and `coverage.lines` test nodes
/// (kci-dev.md §2.1; kernelci/kci-dev:kcidev/subcommands/maestro/__init__.py).</summary>
internal sealed class CoverageReader(MaestroClient maestro, string tree, int limit, int offset)
{
    public async Task<List<CoveragePoint>> ReadAsync(IEnumerable<string> buildTerms, CancellationToken cancellationToken)
    {
        var points = new List<CoveragePoint>();
        var builds = await NodesAsync(["kind=kbuild", "state=done", "result=pass", $"data.kernel_revision.tree={tree}", .. buildTerms], limit, offset, cancellationToken);
        foreach (var build in builds)
        {
            var children = await NodesAsync([$"parent={build["id"]}", "kind=process", "state=done", "result=pass"], limit, offset, cancellationToken);
            foreach (var child in children.Where(c => c["name"]?.ToString().StartsWith("coverage-report", StringComparison.Ordinal) == true))
            {
                if (child["artifacts"] is not JsonObject { Count: > 0 } artifacts)
                {
                    continue;
                }

                var tests = await NodesAsync([$"parent={child["id"]}", "kind=test"], 50, 0, cancellationToken);
                if (tests.Count == 0)
                {
                    continue;
                }

                var revision = child["data"]?["kernel_revision"];
                points.Add(new CoveragePoint($"{tree}/{revision?["branch"]?.ToString() ?? "None"}", revision?["commit"]?.ToString(), build["id"]!.ToString(),
                    Measurement(tests, "coverage.functions"), Measurement(tests, "coverage.lines"),
                    artifacts["coverage_report"]?.ToString(), artifacts["log"]?.ToString()));
            }
        }

        return points;
    }

    private static string? Measurement(List<JsonObject> tests, string name) =>
        tests.LastOrDefault(t => t["name"]?.ToString() == name)?["data"]?["misc"]?["measurement"] is JsonValue value
        && value.GetValueKind() == JsonValueKind.Number
            ? value.ToJsonString()
            : null;

    private async Task<List<JsonObject>> NodesAsync(IEnumerable<string> terms, int pageLimit, int pageOffset, CancellationToken cancellationToken)
    {
        var filter = new NodeFilter().Limit(pageLimit).Offset(pageOffset).Where(terms, "--filter");
        return [.. (await MaestroApi.ReachAsync(() => maestro.GetNodesFastJsonAsync(filter, cancellationToken))).OfType<JsonObject>()];
    }
}
