using System.Net;
using KernelCI.Data;

namespace KernelCI.Maestro.Tests;

public sealed class DetailReplyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_thrown_refusal_is_a_detail_reply_with_only_its_content_type()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.SendAsync(HttpMethod.Get, "node/not-an-id", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.ToString());
        Assert.False(response.Headers.Contains("Cache-Control"));
        Assert.False(response.Headers.Contains("Pragma"));
        Assert.False(response.Content.Headers.Contains("Expires"));
        Assert.StartsWith("""{"detail":""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_before_anything_else()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        using var request = app.Request(HttpMethod.Post, "v7/node", null, "{}");
        request.Content!.Headers.ContentLength = InputGuard.MaxBodyBytes + 1;

        using var response = await app.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
