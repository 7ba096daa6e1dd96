namespace KernelCI.Notifications.Weekly;

/// <summary>Pass, fail and inconclusive (incomplete, error, miss) counts.</summary>
internal sealed record StatusCounts(long Pass, long Fail, long Inconclusive)
{
    public override string ToString() => $"{Pass} pass, {Fail} fail, {Inconclusive} incomplete";
}

/// <summary>One platform's week (the dashboard's hardware summary, docs/dashboard-api.md "POST hardware/{id}/summary"),
/// in all and per lab.</summary>
internal sealed record PlatformWeek(string Platform, StatusCounts Builds, StatusCounts Boots, StatusCounts Tests, IReadOnlyList<LabCounts> Labs);

/// <summary>One lab's boots and tests on a platform.</summary>
internal sealed record LabCounts(string Lab, StatusCounts Boots, StatusCounts Tests);

/// <summary>One lab's week: builds its tests ran on, boots and other tests (the dashboard's metrics `lab_maps`).</summary>
internal sealed record LabWeek(string Lab, long Builds, long Boots, long Tests);

/// <summary>The week's totals and the week before's (the dashboard's `metrics/`).</summary>
internal sealed record MetricsWeek(long Trees, long Checkouts, long Builds, long Tests, long Issues, long Incidents, long PreviousCheckouts,
    long PreviousBuilds, long PreviousTests, IReadOnlyList<LabWeek> Labs);
