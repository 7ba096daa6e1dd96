namespace KernelCI.Dashboard.Web.Builds;

/// <summary>A file of a build or test (KCIDB's input_files and output_files: name and URL); a log also opens in the
/// log viewer (<see cref="ViewerUrl"/>).</summary>
public sealed record ArtifactLink(string Name, string Url, string? ViewerUrl);
