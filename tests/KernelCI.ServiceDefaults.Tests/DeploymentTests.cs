using Microsoft.Extensions.Configuration;

namespace KernelCI.ServiceDefaults.Tests;

/// <summary>What a component that calls its peers learns of them from the deployment.</summary>
public sealed class DeploymentTests
{
    private readonly Deployment _deployment = new(null!, new ConfigurationBuilder().Build(), [new MiddlewareComponent()], _ => true, "[::1]", 9000);

    [Fact]
    public void Peer_url_is_the_host_and_base_port_plus_the_peers_offset() =>
        Assert.Equal(new Uri("http://[::1]:9007/"), _deployment.UrlOf("middleware"));

    [Fact]
    public async Task Credential_of_a_component_that_issues_none_is_refused() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _deployment.IssueCredentialAsync("middleware", new ServiceAccount("pipeline", "maestro"), TestContext.Current.CancellationToken));

    [Fact]
    public void Url_of_an_unknown_component_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => _deployment.UrlOf("dashboard"));
}
