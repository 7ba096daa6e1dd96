namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>One run of one series: `new` (taken from an event, not started), `testing` (its patchset node runs),
/// `done`, `refused` (a `fail` check said why) or `skipped` (not selected). <see cref="Message"/> is the reason of a
/// refused or skipped run, and the checks' target URL of one under test.</summary>
internal sealed record SeriesRow(string Source, long SeriesId, int Run, string Status, string? NodeId, IReadOnlyList<long> Patches, string? Message);
