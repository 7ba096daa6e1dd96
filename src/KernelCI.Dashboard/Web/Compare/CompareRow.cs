namespace KernelCI.Dashboard.Web.Compare;

/// <summary>A changed build configuration or test: its identity, both grouped statuses (null: the side has none), its
/// kind of change, and the pages of the A and B items.</summary>
public sealed record CompareRow(string Name, string ConfigName, string Architecture, string Detail, string? StatusA, string? StatusB,
    string Change, string? UrlA, string? UrlB)
{
    public string Key => $"{Name}\u001f{ConfigName}\u001f{Architecture}\u001f{Detail}";
}
