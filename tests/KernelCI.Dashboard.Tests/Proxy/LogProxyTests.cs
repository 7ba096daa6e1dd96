using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Tests.Proxy;

public sealed class LogProxyTests : IAsyncLifetime
{
    private static readonly string LastLine = "line 01999\n";
    private LogServer _server = null!;
    private ProxyTestApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LogServer.StartAsync();
        _app = await ProxyTestApp.StartAsync(new DashboardOptions
        {
            ProxyAllowedHosts = ["127.0.0.1"],
            ProxyMaxBytes = 1024 * 1024,
            ProxyTimeoutSeconds = 1,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Plain_log_is_served_as_utf8_text()
    {
        using var response = await _app.GetAsync(_server.Url("plain.log"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(LogServer.Text.Length, response.Content.Headers.ContentLength);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Equal(LogServer.Text, await BodyAsync(response));
    }

    [Theory]
    [InlineData("log.gz")]
    [InlineData("twice.gz")]
    [InlineData("chunked.log")]
    public async Task Gzipped_and_chunked_logs_are_served_as_their_text(string path)
    {
        using var response = await _app.GetAsync(_server.Url(path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LogServer.Text, await BodyAsync(response));
    }

    [Theory]
    [InlineData("plain.log", "bytes 11-21/22000")]
    [InlineData("log.gz", "bytes 11-21/*")]
    public async Task Range_is_206_with_the_bytes_of_the_decompressed_text(string path, string contentRange)
    {
        using var response = await _app.GetAsync(_server.Url(path), "bytes=11-21");

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(contentRange, response.Content.Headers.ContentRange?.ToString());
        Assert.Equal("line 00001\n", Encoding.UTF8.GetString(await BodyAsync(response)));
    }

    [Theory]
    [InlineData("plain.log", "bytes=21989-")]
    [InlineData("log.gz", "bytes=21989-")]
    [InlineData("log.gz", "bytes=21989-99999")]
    [InlineData("plain.log", "bytes=-11")]
    [InlineData("chunked.log", "bytes=-11")]
    [InlineData("twice.gz", "bytes=-11")]
    public async Task Range_reaching_the_end_says_the_length(string path, string range)
    {
        using var response = await _app.GetAsync(_server.Url(path), range);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal("bytes 21989-21999/22000", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(LastLine, Encoding.UTF8.GetString(await BodyAsync(response)));
    }

    [Theory]
    [InlineData("plain.log", "bytes=22000-")]
    [InlineData("log.gz", "bytes=22000-22010")]
    [InlineData("empty.log", "bytes=-5")]
    public async Task Range_past_the_end_is_416_with_the_length(string path, string range)
    {
        using var response = await _app.GetAsync(_server.Url(path), range);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        var length = path == "empty.log" ? 0 : 22000;
        Assert.Equal($"bytes */{length}", response.Content.Headers.ContentRange?.ToString());
        Assert.NotNull((await ErrorAsync(response))["error"]);
    }

    [Theory]
    [InlineData("bytes=0-5,10-15")]
    [InlineData("lines=1-2")]
    [InlineData("bytes=9-3")]
    public async Task Range_we_cannot_use_is_ignored_and_the_whole_log_sent(string range)
    {
        using var response = await _app.GetAsync(_server.Url("plain.log"), range);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LogServer.Text, await BodyAsync(response));
    }

    [Fact]
    public async Task Host_outside_the_allowlist_is_403()
    {
        using var response = await _app.GetAsync($"http://localhost:{_server.Port}/plain.log");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not an allowed log host", (string?)(await ErrorAsync(response))["error"]);
    }

    [Fact]
    public async Task Redirects_inside_the_allowlist_are_followed()
    {
        using var response = await _app.GetAsync(_server.Url("inside-twice"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LogServer.Text, await BodyAsync(response));
    }

    [Theory]
    [InlineData("outside")]
    [InlineData("to-ftp")]
    public async Task Redirect_out_of_the_allowlist_is_refused_with_403(string path)
    {
        using var response = await _app.GetAsync(_server.Url(path));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("url: redirected to", (string?)(await ErrorAsync(response))["error"]);
    }

    [Fact]
    public async Task Endless_redirects_are_502()
    {
        using var response = await _app.GetAsync(_server.Url("loop"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/proxy/")]
    [InlineData("/api/proxy?url=ftp%3A%2F%2F127.0.0.1%2Fplain.log")]
    [InlineData("/api/proxy?url=not%20a%20url")]
    [InlineData("/api/proxy?url=%2Fplain.log")]
    public async Task Url_that_is_not_http_is_400_naming_url(string path)
    {
        using var response = await _app.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("url:", (string?)(await ErrorAsync(response))["error"]);
    }

    [Theory]
    [InlineData("missing", HttpStatusCode.NotFound)]
    [InlineData("broken", HttpStatusCode.BadGateway)]
    public async Task Log_server_failures_are_answered_as_json_errors(string path, HttpStatusCode status)
    {
        using var response = await _app.GetAsync(_server.Url(path));

        Assert.Equal(status, response.StatusCode);
        Assert.Contains("the log server answered", (string?)(await ErrorAsync(response))["error"]);
    }

    [Fact]
    public async Task Log_with_gzip_magic_but_no_gzip_is_502()
    {
        using var response = await _app.GetAsync(_server.Url("corrupt.gz"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("not valid gzip", (string?)(await ErrorAsync(response))["error"]);
    }

    [Fact]
    public async Task Unreachable_log_server_is_502()
    {
        var port = KernelCI.Testing.FreePort.BasePort();

        using var response = await _app.GetAsync($"http://127.0.0.1:{port}/plain.log");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Fact]
    public async Task Slow_log_server_is_504_after_the_time_limit()
    {
        using var response = await _app.GetAsync(_server.Url("slow"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        using var after = await _app.GetAsync(_server.Url("plain.log"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Log_longer_than_the_size_limit_is_413()
    {
        using var response = await _app.GetAsync(_server.Url("huge.log"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("ProxyMaxBytes", (string?)(await ErrorAsync(response))["error"]);
    }

    [Fact]
    public async Task Gzip_expanding_past_the_size_limit_is_cut_off()
    {
        // The reply has started by the time the limit is crossed: the connection is cut, so the text never looks whole.
        var failed = await Record.ExceptionAsync(async () =>
        {
            using var response = await _app.GetAsync(_server.Url("bomb.gz"));
            if (response.IsSuccessStatusCode)
            {
                await BodyAsync(response);
            }
            else
            {
                Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
                throw new IOException("refused before the reply");
            }
        });

        Assert.NotNull(failed);
        using var after = await _app.GetAsync(_server.Url("plain.log"));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private static Task<byte[]> BodyAsync(HttpResponseMessage response) =>
        response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

    private static async Task<JsonNode> ErrorAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
}
