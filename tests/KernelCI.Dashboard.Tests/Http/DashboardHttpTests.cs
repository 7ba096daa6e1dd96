using System.Net;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Http;

public sealed class DashboardHttpTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Unknown_path_is_404(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);

        using var response = await app.Client.GetAsync("/api/no-such-endpoint/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Schema_points_at_the_openapi_description()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync("/api/schema/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/openapi.json", response.Headers.Location?.ToString());
    }
}
