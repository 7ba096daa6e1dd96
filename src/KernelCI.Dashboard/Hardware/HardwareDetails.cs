using System.Text.Json.Nodes;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Hardware;

/// <summary>A hardware's details computed from its test rows in one pass, as upstream's views do (kernelci/dashboard:
/// backend/kernelCI_app/views/hardwareDetailsView.py and helpers/hardwareDetails.py): the filtered lists and summary,
/// the filter values offered (from every row of the selected trees, unfiltered) and each tree's own counts (unfiltered).
/// Each test and each build counts once, whatever number of incidents it has.</summary>
internal sealed class HardwareDetails
{
    public const string Unknown = "Unknown";

    public const string Uncategorized = "Uncategorized";

    private readonly HardwareSummaryPart _buildSummary = new(isBuild: true);
    private readonly HardwareSummaryPart _bootSummary = new(isBuild: false);
    private readonly HardwareSummaryPart _testSummary = new(isBuild: false);
    private readonly Dictionary<string, (StatusCounts Builds, StatusCounts Boots, StatusCounts Tests, HashSet<string> SeenBuilds)> _trees = [];
    // Sets are hashed and only ordered when written (Strings): the page offers every row's values, and a sorted set's
    // tree walk per row and value was a fifth of the hardware page's CPU (docs/benchmarks.md, "dashboard-pages",
    // session 19).
    private readonly HashSet<string> _compatibles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _listedBuilds = new(StringComparer.Ordinal);
    private readonly HashSet<HardwareBuildRow> _offeredBuilds = new(ReferenceEqualityComparer.Instance);
    private readonly Options _all = new();
    private readonly Options _builds = new();
    private readonly Options _boots = new();
    private readonly Options _tests = new();

    public List<HardwareBuildItem> Builds { get; } = [];

    public List<HardwareTestItem> Boots { get; } = [];

    public List<HardwareTestItem> Tests { get; } = [];

    public static HardwareDetails From(string hardware, FilterSet filters, IEnumerable<HardwareTestRow> rows, bool fullEnvironmentMisc)
    {
        var details = new HardwareDetails();
        foreach (var row in rows)
        {
            details.Add(row, filters, fullEnvironmentMisc);
        }

        details._compatibles.Remove(hardware);
        return details;
    }

    public JsonObject Summary() => new()
    {
        ["builds"] = _buildSummary.ToJson(),
        ["boots"] = _bootSummary.ToJson(),
        ["tests"] = _testSummary.ToJson(),
    };

    public JsonObject Filters() => new()
    {
        ["all"] = new JsonObject
        {
            ["configs"] = Strings(_all.Configs),
            ["architectures"] = Strings(_all.Architectures),
            ["compilers"] = Strings(_all.Compilers),
        },
        ["builds"] = _builds.ToJson(withPlatforms: false),
        ["boots"] = _boots.ToJson(withPlatforms: true),
        ["tests"] = _tests.ToJson(withPlatforms: true),
    };

    /// <summary>upstream's `common`: every tree of the window with its own counts (null for a tree no row of the
    /// selection is from), and the other compatibles the hardware's tests name.</summary>
    public JsonObject Common(IEnumerable<HardwareTree> trees) => new()
    {
        ["trees"] = new JsonArray([.. trees.Select(t => (JsonNode?)System.Text.Json.JsonSerializer.SerializeToNode(t with
        {
            SelectedCommitStatus = _trees.TryGetValue(t.Index, out var s)
                ? new JsonObject
                {
                    ["builds"] = HardwareSummaryPart.Counts(s.Builds),
                    ["boots"] = HardwareSummaryPart.Counts(s.Boots),
                    ["tests"] = HardwareSummaryPart.Counts(s.Tests),
                }
                : null,
        }, HardwareJson.Options))]),
        ["compatibles"] = Strings(_compatibles),
    };

    private void Add(HardwareTestRow row, FilterSet filters, bool fullEnvironmentMisc)
    {
        var build = row.Build;
        var isDummy = TestKinds.IsDummyBuild(build.Id);
        var counts = row.Role != HardwareRowRole.Issues;
        if (counts)
        {
            _compatibles.UnionWith(row.Compatibles ?? []);
            CountForTree(row, isDummy);
        }

        OfferFilters(row, isDummy);

        var architecture = build.Architecture ?? Unknown;
        var compiler = build.Compiler ?? Unknown;
        var config = build.ConfigName ?? Unknown;
        var lab = row.Lab ?? Unknown;
        if (!filters.RecordPasses(row.Compatibles, architecture, compiler, config, lab))
        {
            return;
        }

        AddTest(row, filters, fullEnvironmentMisc, architecture, compiler, config, lab);
        if (counts && !isDummy && !_listedBuilds.Contains(build.Id) && BuildPasses(build, filters))
        {
            _listedBuilds.Add(build.Id);
            var failed = build.Status is "FAIL" or "NULL";
            var issue = build.Incidents.FirstOrDefault();
            var item = new HardwareBuildItem(build.Id, build.Origin, architecture, config, build.Misc?.DeepClone(), build.ConfigUrl, compiler,
                build.Status, build.Duration, build.LogUrl, build.StartTime, build.Checkout.Url, build.Checkout.Branch, build.Checkout.TreeName,
                issue?.IssueId ?? (failed ? Uncategorized : null), issue?.Version);
            Builds.Add(item);
            _buildSummary.AddBuild(item);
            foreach (var incident in build.Incidents.Where(_ => failed))
            {
                _buildSummary.AddIssue(incident, build.Status);
            }

            if (failed && build.Incidents.Count == 0)
            {
                _buildSummary.UnknownIssues++;
            }
        }
    }

    private void AddTest(HardwareTestRow row, FilterSet filters, bool fullEnvironmentMisc, string architecture, string compiler, string config, string lab)
    {
        var platform = row.Platform;
        // Most rows have no incident: the filter is asked once, without the closures and iterators per row (a tenth of
        // the hardware page's allocations with the environment objects below; docs/benchmarks.md, "dashboard-pages",
        // session 18).
        var passes = row.Incidents.Count == 0
            ? TestPasses(row, filters, platform, null)
            : row.Incidents.Any(i => TestPasses(row, filters, platform, new IssueRef(i.IssueId, i.Version, i.TestId)));
        if (!passes)
        {
            return;
        }

        // Only a listed test shows its environment; a counts or issues row only feeds the summary.
        JsonNode? misc = null;
        if (row.Role == HardwareRowRole.Test)
        {
            misc = fullEnvironmentMisc && row.EnvironmentMisc is { } text && JsonNode.Parse(text) is JsonObject full ? full : new JsonObject();
            misc["platform"] = platform ?? Unknown;
        }

        var item = new HardwareTestItem(row.Id, row.Origin, row.Status, row.Duration, row.Path, row.StartTime, row.Compatibles, config, row.LogUrl,
            architecture, compiler, misc, lab, row.Build.Checkout.TreeName, row.Build.Checkout.Branch);
        var summary = row.IsBoot ? _bootSummary : _testSummary;
        if (row.Role == HardwareRowRole.Test)
        {
            (row.IsBoot ? Boots : Tests).Add(item);
        }

        if (row.Role != HardwareRowRole.Issues)
        {
            summary.AddTest(item, platform, row.Weight);
        }

        if (row.Role == HardwareRowRole.Counts)
        {
            return;
        }

        summary.AddFailReason(row.Status, row.ErrorMessage is { Length: > 0 } message ? message : null);
        foreach (var incident in row.Incidents)
        {
            summary.AddIssue(incident, row.Status);
        }

        if (row.Incidents.Count == 0 && row.Status == "FAIL")
        {
            summary.UnknownIssues++;
        }
    }

    private static bool TestPasses(HardwareTestRow row, FilterSet filters, string? platform, IssueRef? issue) => row.IsBoot
        ? filters.BootPasses(row.Path, row.Status, row.Duration, platform ?? Unknown, row.Origin, issue)
        : filters.TestPasses(row.Path, row.Status, row.Duration, platform ?? Unknown, row.Origin, issue);

    private static bool BuildPasses(HardwareBuildRow build, FilterSet filters)
    {
        IEnumerable<IssueRef?> issues = build.Incidents.Count == 0 ? [(IssueRef?)null] : build.Incidents.Select(i => (IssueRef?)new IssueRef(i.IssueId, i.Version, i.TestId));
        return issues.Any(issue => filters.BuildPasses(build.Status, build.Duration, build.Origin, issue));
    }

    // Upstream's tree status summary sits above the filters in the page, so it counts every row of the tree.
    private void CountForTree(HardwareTestRow row, bool isDummy)
    {
        if (!_trees.TryGetValue(row.Tree.Index, out var tree))
        {
            tree = (new StatusCounts(), new StatusCounts(), new StatusCounts(), new HashSet<string>(StringComparer.Ordinal));
            _trees[row.Tree.Index] = tree;
        }

        (row.IsBoot ? tree.Boots : tree.Tests).Add(row.Status, row.Weight);
        if (!isDummy && tree.SeenBuilds.Add(row.Build.Id))
        {
            tree.Builds.Add(row.Build.Status);
        }
    }

    private void OfferFilters(HardwareTestRow row, bool isDummy)
    {
        // A build's values are the same on each of its rows: offered once (a build's rows share one HardwareBuildRow).
        var build = row.Build;
        if (_offeredBuilds.Add(build))
        {
            _all.Configs.Add(build.ConfigName ?? Unknown);
            _all.Architectures.Add(build.Architecture ?? Unknown);
            _all.Compilers.Add(build.Compiler ?? Unknown);
            if (!isDummy)
            {
                _builds.Offer(build.Status is "FAIL" or "NULL" ? build.Incidents : [], build.Status == "FAIL", build.Origin,
                    build.Misc is JsonObject misc && misc["lab"] is JsonValue v && v.TryGetValue(out string? lab) ? lab : null, null);
            }
        }

        // Counts rows offer the dimensions; issue rows (and plain test rows) the issues.
        var options = row.IsBoot ? _boots : _tests;
        if (row.Role != HardwareRowRole.Issues)
        {
            options.Offer([], false, row.Origin, row.Lab, row.Platform ?? Unknown);
        }

        if (row.Role != HardwareRowRole.Counts)
        {
            options.Offer(row.Incidents, row.Status == "FAIL", row.Origin, row.Lab, row.Platform ?? Unknown);
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) =>
        new([.. values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(v => (JsonNode)v)]);

    private sealed class Options
    {
        public HashSet<string> Configs { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Architectures { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Compilers { get; } = new(StringComparer.Ordinal);

        private readonly HashSet<(string Id, long Version)> _issues = [];
        private readonly HashSet<string> _origins = new(StringComparer.Ordinal);
        private readonly HashSet<string> _labs = new(StringComparer.Ordinal);
        private readonly HashSet<string> _platforms = new(StringComparer.Ordinal);
        private bool _unknownIssue;

        public void Offer(IEnumerable<HardwareIncident> incidents, bool failed, string origin, string? lab, string? platform)
        {
            var any = false;
            foreach (var incident in incidents)
            {
                _issues.Add((incident.IssueId, incident.Version));
                any = true;
            }

            _unknownIssue |= failed && !any;
            _origins.Add(origin);
            if (lab is not null)
            {
                _labs.Add(lab);
            }

            if (platform is not null)
            {
                _platforms.Add(platform);
            }
        }

        public JsonObject ToJson(bool withPlatforms)
        {
            var json = new JsonObject
            {
                ["issues"] = new JsonArray([.. _issues.Order().Select(i => (JsonNode)new JsonArray(i.Id, i.Version))]),
                ["origins"] = Strings(_origins),
                ["has_unknown_issue"] = _unknownIssue,
                ["labs"] = Strings(_labs),
            };
            if (withPlatforms)
            {
                json["platforms"] = Strings(_platforms);
            }

            return json;
        }
    }
}
