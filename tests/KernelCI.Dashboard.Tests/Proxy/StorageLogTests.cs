using System.Net;

namespace KernelCI.Dashboard.Tests.Proxy;

public sealed class StorageLogTests
{
    [Fact]
    public async Task Logs_on_the_deployments_storage_need_no_allowlist()
    {
        await using var server = await LogServer.StartAsync();
        await using var app = await ProxyTestApp.StartAsync(new DashboardOptions(), storagePort: server.Port);

        using var response = await app.GetAsync(server.Url("log.gz"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LogServer.Text, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Another_port_on_the_storage_host_is_403()
    {
        await using var server = await LogServer.StartAsync();
        await using var app = await ProxyTestApp.StartAsync(new DashboardOptions(), storagePort: server.Port);

        using var response = await app.GetAsync($"http://127.0.0.1:{server.Port + 1}/log.gz");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Logs_under_the_pipelines_storage_url_need_no_allowlist()
    {
        await using var server = await LogServer.StartAsync();
        var storagePort = KernelCI.Testing.FreePort.BasePort();
        await using var app = await ProxyTestApp.StartAsync(new DashboardOptions(), storagePort, pipelineStorageUrl: server.Url(""));

        using var response = await app.GetAsync(server.Url("plain.log"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
