namespace KernelCI.KciDev.Results.Items;

/// <summary>Links to the web dashboard: `/build/ID`, `/test/ID` and `/issue/ID` on the host of `dashboard_api` (upstream's
/// `get_dashboard_url`, kernelci/kci-dev:kcidev/libs/dashboard.py; kci-dev.md §3.1 "Printed links"). Ids go in
/// literally, as upstream prints them: a string, or a JSON value holding one.</summary>
internal sealed class DashboardLinks(Uri dashboardApi)
{
    public string Root { get; } = dashboardApi.GetLeftPart(UriPartial.Authority);

    public string Build(object? id) => $"{Root}/build/{id}";

    /// <summary>Tests and boots link to `/test/ID` (upstream's JSON says `/build/`, a defect its text output does not have).</summary>
    public string Test(object? id) => $"{Root}/test/{id}";

    public string Issue(object? id) => $"{Root}/issue/{id}";
}
