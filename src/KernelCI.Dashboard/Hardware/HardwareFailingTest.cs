namespace KernelCI.Dashboard.Hardware;

/// <summary>A failing test as its own read gives it, before the counts' read has its build (HardwareDetailsQuery's
/// summary reads them at once); <see cref="Row"/> makes it the summary's issues row.</summary>
internal sealed record HardwareFailingTest(
    string Id, string Origin, string? Platform, string? Path, string Status, string? Runtime, string? ErrorMessage, string[]? Compatibles,
    string BuildId)
{
    public List<HardwareIncident> Incidents { get; } = [];

    public HardwareTestRow Row(HardwareBuildRow build, HardwareTree tree)
    {
        var row = new HardwareTestRow(Id, Origin, Platform, Path, null, Status, null, null, Runtime, ErrorMessage, Compatibles, build, tree)
        {
            Role = HardwareRowRole.Issues,
        };
        row.Incidents.AddRange(Incidents);
        return row;
    }
}
