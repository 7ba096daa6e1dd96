namespace KernelCI.Notifications.Reports;

/// <summary>The dashboard's addresses that mails link to (its pages, docs/dashboard.md; the subscription links that
/// the dashboard listener forwards to this component, docs/notifications.md).</summary>
internal sealed class Links(string dashboardUrl)
{
    private readonly string _base = dashboardUrl.TrimEnd('/');

    public string Test(string id) => $"{_base}/test/{Uri.EscapeDataString(id)}";

    public string Build(string id) => $"{_base}/build/{Uri.EscapeDataString(id)}";

    public string Result(string kind, string id) => kind == "build" ? Build(id) : Test(id);

    public string Tree(string tree, string branch, string commit) =>
        $"{_base}/tree/{Uri.EscapeDataString(tree)}/{Uri.EscapeDataString(branch)}/{Uri.EscapeDataString(commit)}";

    public string Confirm(string token) => $"{_base}/api/subscriptions/confirm?token={token}";

    public string Unsubscribe(string token) => $"{_base}/api/subscriptions/unsubscribe?token={token}";

    public string Manage(string token) => $"{_base}/api/subscriptions?token={token}";
}
