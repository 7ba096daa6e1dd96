namespace KernelCI.Dashboard.Web.Trees;

/// <summary>A boot or test in the path hierarchy.</summary>
public sealed record TreeTestRow(string Id, string Path, string Status, string? Platform, string Config, string Architecture,
    string? StartTime, double? Duration, string Url);
