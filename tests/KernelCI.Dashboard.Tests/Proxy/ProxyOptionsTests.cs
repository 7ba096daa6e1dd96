namespace KernelCI.Dashboard.Tests.Proxy;

public sealed class ProxyOptionsTests
{
    [Theory]
    [InlineData("storage.kernelci.org", true)]
    [InlineData("*.kernelci.org", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("https://storage.kernelci.org", false)]
    [InlineData("storage.kernelci.org:8080", false)]
    [InlineData("*kernelci.org", false)]
    [InlineData("a.*.org", false)]
    [InlineData("*.", false)]
    [InlineData(" ", false)]
    public void Allowed_hosts_are_names_or_wildcard_domains(string host, bool valid)
    {
        var result = new DashboardOptionsValidator().Validate("Dashboard", new DashboardOptions { ProxyAllowedHosts = [host] });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Dashboard:ProxyAllowedHosts:0", result.FailureMessage);
        }
    }
}
