using System.Reflection;

namespace KernelCI.KciDev.Cli;

internal static class KciDevVersion
{
    public static string Version { get; } =
        typeof(KciDevVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    /// <summary>`kci-dev/VERSION`, as upstream sends (kci-dev.md §3.1).</summary>
    public static string UserAgent => "kci-dev/" + Version;
}
