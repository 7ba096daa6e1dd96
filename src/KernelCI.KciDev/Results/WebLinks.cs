namespace KernelCI.KciDev.Results;

/// <summary>Links to the web dashboard: `/build/ID`, `/test/ID`, `/issue/ID` on the host of `dashboard_api` (kci-dev.md
/// §3.1 "Printed links"). Ids go in as they are, as upstream prints them.</summary>
internal sealed class WebLinks(Uri dashboardApi)
{
    public string Root { get; } = dashboardApi.GetLeftPart(UriPartial.Authority);

    public string Build(object? id) => $"{Root}/build/{id}";

    public string Test(object? id) => $"{Root}/test/{id}";

    public string Issue(object? id) => $"{Root}/issue/{id}";
}
