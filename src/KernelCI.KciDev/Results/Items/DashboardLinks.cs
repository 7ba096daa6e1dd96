namespace KernelCI.KciDev.Results.Items;

/// <summary>Links to the web dashboard: `/build/ID` and `/test/ID` on the host of `dashboard_api` (upstream's
/// `get_dashboard_url`, kernelci/kci-dev:kcidev/libs/dashboard.py). Ids go in literally, as upstream prints them.</summary>
internal sealed class DashboardLinks(Uri dashboardApi)
{
    public string Root { get; } = dashboardApi.GetLeftPart(UriPartial.Authority);

    public string Build(string? id) => $"{Root}/build/{id}";

    /// <summary>Tests and boots link to `/test/ID` (upstream's JSON says `/build/`, a defect its text output does not have).</summary>
    public string Test(string? id) => $"{Root}/test/{id}";
}
