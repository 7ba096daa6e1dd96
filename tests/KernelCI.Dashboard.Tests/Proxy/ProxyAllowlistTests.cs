using KernelCI.Dashboard.Proxy;
using KernelCI.Kcidb.Logs;

namespace KernelCI.Dashboard.Tests.Proxy;

public sealed class ProxyAllowlistTests
{
    private static readonly ProxyAllowlist Allowlist = new(["*.kernelci.org", "storage.tuxsuite.com"], [new Uri("http://127.0.0.1:8003/")]);

    [Theory]
    [InlineData("https://storage.kernelci.org/a/log.txt.gz")]
    [InlineData("http://a.b.KernelCI.org:8080/x")]
    [InlineData("https://storage.tuxsuite.com/x")]
    [InlineData("http://127.0.0.1:8003/pipeline/log.txt")]
    public void Allowed(string url) => Assert.True(Allowlist.Allows(new Uri(url)));

    [Theory]
    [InlineData("https://kernelci.org/x")]
    [InlineData("https://evilkernelci.org/x")]
    [InlineData("https://kernelci.org.evil.com/x")]
    [InlineData("https://a.storage.tuxsuite.com/x")]
    [InlineData("http://127.0.0.1:8004/x")]
    [InlineData("https://127.0.0.1:8003/x")]
    [InlineData("ftp://storage.kernelci.org/x")]
    [InlineData("http://user:pw@storage.kernelci.org/x")]
    public void Refused(string url) => Assert.False(Allowlist.Allows(new Uri(url)));
}
