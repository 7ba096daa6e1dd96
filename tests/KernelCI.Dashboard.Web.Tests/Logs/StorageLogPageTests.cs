using System.Net;
using AngleSharp.Html.Parser;
using KernelCI.Dashboard.Tests.Proxy;

namespace KernelCI.Dashboard.Web.Tests.Logs;

public sealed class StorageLogPageTests
{
    [Fact]
    public async Task Log_on_the_deployments_storage_needs_no_allowlist()
    {
        await using var source = await LogSource.StartAsync();
        await using var app = await ProxyTestApp.StartAsync(new DashboardOptions(), storagePort: source.Base.Port);

        using var response = await app.Client.GetAsync("/log?url=" + Uri.EscapeDataString(source.Url("kernel.log.gz")), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(html, TestContext.Current.CancellationToken);
        Assert.Equal(8, document.QuerySelectorAll(".log-line").Length);
    }
}
