using KernelCI.Dashboard.Web.Shared;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>A config (or any named group) and its grouped counts.</summary>
public sealed record NamedCount(string Name, StatusTally Tally);
