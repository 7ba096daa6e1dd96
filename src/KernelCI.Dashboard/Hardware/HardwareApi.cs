using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Hardware;

internal static class HardwareApi
{
    public static RouteGroupBuilder MapHardware(this RouteGroupBuilder api) => api;
}
