using KernelCI.Host.Serve;
using KernelCI.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace KernelCI.Host.Tests.Serve;

/// <summary>A component finds each peer at the base port plus the offset the peer declares.</summary>
public sealed class PeerUrlTests
{
    [Theory]
    [InlineData("maestro", "http://127.0.0.1:9001/")]
    [InlineData("pipeline", "http://127.0.0.1:9002/")]
    [InlineData("kcidb", "http://127.0.0.1:9003/")]
    [InlineData("storage", "http://127.0.0.1:9004/")]
    public void Peer_url_is_the_base_port_plus_the_components_offset(string component, string url)
    {
        var deployment = new Deployment(null!, new ConfigurationBuilder().Build(), Components.All(), _ => true, "127.0.0.1", 9000);

        Assert.Equal(new Uri(url), deployment.UrlOf(component));
    }
}
