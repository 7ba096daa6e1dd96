namespace KernelCI.Notifications.Reports;

/// <summary>The dashboard's addresses that mails link to (its pages, docs/dashboard.md; the subscription links that
/// the dashboard listener forwards to this component, docs/notifications.md).</summary>
internal sealed class Links(string dashboardUrl)
{
    private readonly string _base = dashboardUrl.TrimEnd('/');

    public string Test(string id) => $"{_base}/test/{Segment(id)}";

    public string Build(string id) => $"{_base}/build/{Segment(id)}";

    public string Hardware(string platform) => $"{_base}/hardware/{Uri.EscapeDataString(platform)}";

    public string Issue(string id) => $"{_base}/issue/{Segment(id)}";

    public string Result(string kind, string id) => kind == "build" ? Build(id) : Test(id);

    public string Tree(string tree, string branch, string commit) =>
        $"{_base}/tree/{Uri.EscapeDataString(tree)}/{Uri.EscapeDataString(branch)}/{Uri.EscapeDataString(commit)}";

    // KCIDB ids are ORIGIN:ID; a ':' is legal in a path segment and reads better in a mail than %3A.
    private static string Segment(string id) => Uri.EscapeDataString(id).Replace("%3A", ":", StringComparison.Ordinal);

    public string Confirm(string token) => $"{_base}/api/subscriptions/confirm?token={token}";

    public string Unsubscribe(string token) => $"{_base}/api/subscriptions/unsubscribe?token={token}";

    public string Manage(string token) => $"{_base}/api/subscriptions?token={token}";
}
