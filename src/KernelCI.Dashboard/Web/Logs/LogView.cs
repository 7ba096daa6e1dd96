namespace KernelCI.Dashboard.Web.Logs;

/// <summary>The log page: which log, the part shown, the links to the parts around it and to the whole log, and the
/// build or test it belongs to (when the link said so).</summary>
public sealed record LogView(string Url, string Name, LogPart Part, string? PreviousPart, string? NextPart, string RawUrl,
    string? BackUrl, string? BackLabel);
