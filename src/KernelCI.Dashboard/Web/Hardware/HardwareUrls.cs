namespace KernelCI.Dashboard.Web.Hardware;

/// <summary>Upstream's hardware page URL (kernelci/dashboard:dashboard/src/routes/_main/hardware/$hardwareId): the
/// platform or compatible as one escaped segment, the window and origin carried as query parameters.</summary>
internal static class HardwareUrls
{
    public static string Details(string hardware) => "/hardware/" + Uri.EscapeDataString(hardware);

    public static string Details(string hardware, int intervalDays, string origin)
    {
        var query = new List<string>();
        if (intervalDays != HardwarePages.DefaultDays)
        {
            query.Add("intervalInDays=" + intervalDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (origin != HardwarePages.DefaultOrigin)
        {
            query.Add("origin=" + Uri.EscapeDataString(origin));
        }

        return Details(hardware) + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }
}
