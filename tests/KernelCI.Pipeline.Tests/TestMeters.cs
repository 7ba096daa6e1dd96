using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tests;

internal static class TestMeters
{
    /// <summary>A meter factory of its own, as a host's DI container has.</summary>
    public static IMeterFactory NewFactory() => new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
}
