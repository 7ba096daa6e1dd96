using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Bridge;

/// <summary>The KCIDB bridge: sends done nodes to KCIDB, with an outbox sweep so that none is missed (§5).</summary>
internal static class KcidbBridgeRegistration
{
    public static void Add(IServiceCollection services)
    {
    }
}
