using KernelCI.Data;

namespace KernelCI.Kcidb.Tests.Queries;

public sealed class OpenApiTests
{
    [Fact]
    public async Task OpenApi_document_describes_the_query_endpoints()
    {
        await using var api = await ApiContext.CreateAsync(DatabaseKind.Sqlite);

        var document = await api.GetJsonAsync("/openapi.json");

        var paths = document["paths"]!.AsObject();
        Assert.Contains("/api/query", paths.Select(p => p.Key));
        Assert.Contains("/api/tests", paths.Select(p => p.Key));
        Assert.Contains("/api/checkouts/{id}/summary", paths.Select(p => p.Key));
    }
}
