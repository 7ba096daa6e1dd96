using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Timeout;

/// <summary>The timeout service in its three modes (§6): timeout, holdoff and closing.</summary>
internal static class TimeoutRegistration
{
    public static void AddTimeout(IServiceCollection services)
    {
    }

    public static void AddHoldoff(IServiceCollection services)
    {
    }

    public static void AddClosing(IServiceCollection services)
    {
    }
}
