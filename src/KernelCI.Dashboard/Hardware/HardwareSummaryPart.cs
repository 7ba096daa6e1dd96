using System.Text.Json.Nodes;
using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Hardware;

/// <summary>One tab of a hardware summary (builds, boots or tests) as it is counted, then written in upstream's shape
/// (kernelci/dashboard: backend/kernelCI_app/typeModels/commonDetails.py, BuildSummary and TestSummary).</summary>
internal sealed class HardwareSummaryPart(bool isBuild)
{
    // The per-test maps are hashed and ordered when written: a sorted map's walk on each of a page's thousands of rows
    // cost more than the few sorts at the end (docs/benchmarks.md, "dashboard-pages", session 19).
    private readonly StatusCounts _status = new();
    private readonly Dictionary<string, StatusCounts> _origins = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StatusCounts> _configs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StatusCounts> _labs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StatusCounts> _platforms = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, (StatusCounts Counts, SortedSet<string> Compilers)> _buildArchitectures = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Arch, string Compiler), StatusCounts> _testArchitectures = [];
    private readonly Dictionary<(string Id, long Version), (string? Comment, string? ReportUrl, StatusCounts Counts)> _issues = [];
    private readonly SortedDictionary<string, long> _failReasons = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _failedPlatforms = new(StringComparer.Ordinal);

    public long UnknownIssues { get; set; }

    public IEnumerable<(string Id, long Version)> IssueKeys => _issues.Keys;

    public void AddBuild(HardwareBuildItem build)
    {
        _status.Add(build.Status);
        Count(_configs, build.ConfigName, build.Status);
        if (!_buildArchitectures.TryGetValue(build.Architecture, out var arch))
        {
            arch = (new StatusCounts(), new SortedSet<string>(StringComparer.Ordinal));
            _buildArchitectures[build.Architecture] = arch;
        }

        arch.Counts.Add(build.Status);
        arch.Compilers.Add(build.Compiler);
        Count(_origins, build.Origin, build.Status);
        if (build.Misc is JsonObject misc)
        {
            Count(_labs, misc["lab"] is JsonValue v && v.TryGetValue(out string? lab) ? lab : HardwareDetails.Unknown, build.Status);
        }
    }

    public void AddTest(HardwareTestItem test, string? platform, long weight)
    {
        var status = test.Status;
        _status.Add(status, weight);
        Count(_configs, test.Config, status, weight);
        Count(_platforms, platform ?? HardwareDetails.Unknown, status, weight);
        if (IsFailure(status))
        {
            _failedPlatforms.Add(platform ?? HardwareDetails.Unknown);
        }

        var key = (test.Architecture, test.Compiler);
        if (!_testArchitectures.TryGetValue(key, out var arch))
        {
            arch = new StatusCounts();
            _testArchitectures[key] = arch;
        }

        arch.Add(status, weight);
        Count(_origins, test.Origin, status, weight);
        Count(_labs, test.Lab, status, weight);
    }

    /// <summary>A failed test's error message (its misc.error_msg), counted in fail_reasons.</summary>
    public void AddFailReason(string status, string? errorMessage)
    {
        if (IsFailure(status))
        {
            var reason = errorMessage ?? "unknown error";
            _failReasons[reason] = _failReasons.GetValueOrDefault(reason) + 1;
        }
    }

    // Upstream's failure_status_list (typeModels/databases.py).
    private static bool IsFailure(string status) => status is "ERROR" or "FAIL" or "MISS";

    public void AddIssue(HardwareIncident incident, string status)
    {
        var key = (incident.IssueId, incident.Version);
        if (!_issues.TryGetValue(key, out var issue))
        {
            issue = (incident.Comment, incident.ReportUrl, new StatusCounts());
            _issues[key] = issue;
        }

        issue.Counts.Add(status);
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["status"] = Counts(_status),
            ["origins"] = Map(_origins),
            ["architectures"] = isBuild ? BuildArchitectures() : TestArchitectures(),
            ["configs"] = Map(_configs),
            ["issues"] = new JsonArray([.. _issues.OrderBy(i => i.Key.Id, StringComparer.Ordinal).ThenBy(i => i.Key.Version)
                .Select(i => (JsonNode)new JsonObject
                {
                    ["id"] = i.Key.Id,
                    ["version"] = i.Key.Version,
                    ["comment"] = i.Value.Comment,
                    ["report_url"] = i.Value.ReportUrl,
                    ["incidents_info"] = Counts(i.Value.Counts),
                })]),
            ["unknown_issues"] = UnknownIssues,
        };
        if (!isBuild)
        {
            json["fail_reasons"] = new JsonObject(_failReasons.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value)));
            json["failed_platforms"] = new JsonArray([.. _failedPlatforms.Select(p => (JsonNode)p)]);
            json["environment_compatible"] = null;
            json["environment_misc"] = null;
            json["platforms"] = Map(_platforms);
        }

        json["labs"] = Map(_labs);
        return json;
    }

    public IEnumerable<string> Configs => _configs.Keys.Order(StringComparer.Ordinal);

    public IEnumerable<string> Origins => _origins.Keys.Order(StringComparer.Ordinal);

    public IEnumerable<string> Labs => _labs.Keys.Order(StringComparer.Ordinal);

    public IEnumerable<string> Platforms => _platforms.Keys.Order(StringComparer.Ordinal);

    public IEnumerable<string> Architectures => isBuild ? _buildArchitectures.Keys : _testArchitectures.Keys.Select(k => k.Arch);

    public IEnumerable<string> Compilers => isBuild ? _buildArchitectures.Values.SelectMany(a => a.Compilers) : _testArchitectures.Keys.Select(k => k.Compiler);

    public static JsonObject Counts(StatusCounts counts) => new()
    {
        ["PASS"] = counts.Pass,
        ["ERROR"] = counts.Error,
        ["FAIL"] = counts.Fail,
        ["SKIP"] = counts.Skip,
        ["MISS"] = counts.Miss,
        ["DONE"] = counts.Done,
        ["NULL"] = counts.Null,
    };

    private static void Count(Dictionary<string, StatusCounts> map, string key, string status, long weight = 1)
    {
        if (!map.TryGetValue(key, out var counts))
        {
            counts = new StatusCounts();
            map[key] = counts;
        }

        counts.Add(status, weight);
    }

    private static JsonObject Map(Dictionary<string, StatusCounts> map) =>
        new(map.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => KeyValuePair.Create(e.Key, (JsonNode?)Counts(e.Value))));

    private JsonObject BuildArchitectures() => new(_buildArchitectures.Select(e =>
    {
        var json = Counts(e.Value.Counts);
        json["compilers"] = new JsonArray([.. e.Value.Compilers.Select(c => (JsonNode)c)]);
        return KeyValuePair.Create(e.Key, (JsonNode?)json);
    }));

    private JsonArray TestArchitectures() => new([.. _testArchitectures
        .OrderBy(e => e.Key.Arch, StringComparer.Ordinal).ThenBy(e => e.Key.Compiler, StringComparer.Ordinal)
        .Select(e => (JsonNode)new JsonObject { ["arch"] = e.Key.Arch, ["compiler"] = e.Key.Compiler, ["status"] = Counts(e.Value) })]);
}
