using System.Net;
using KernelCI.Data;

namespace KernelCI.Dashboard.Tests.Http;

/// <summary>kci-dev calls `tree?…` and `tree-report?…`, the web UI `tree/?…`: both forms answer, without a redirect.</summary>
public sealed class TrailingSlashTests
{
    [Theory]
    [InlineData("/api/tree?origin=maestro")]
    [InlineData("/api/tree/?origin=maestro")]
    [InlineData("/api/origins")]
    [InlineData("/api/origins/")]
    [InlineData("/api/issue")]
    [InlineData("/api/issue/")]
    public async Task Upstream_paths_answer_with_and_without_the_trailing_slash(string path)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
