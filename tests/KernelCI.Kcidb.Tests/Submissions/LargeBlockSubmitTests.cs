using System.Net;
using System.Net.Http.Json;
using System.Text;
using KernelCI.Data;
using KernelCI.ServiceDefaults.Buffers;
using KernelCI.Kcidb.Submissions;

namespace KernelCI.Kcidb.Tests.Submissions;

public sealed class LargeBlockSubmitTests
{
    private static Task<KcidbTestApp> StartOnKestrelAsync() =>
        KcidbTestApp.StartAsync(DatabaseKind.Sqlite, new KcidbOptions { RunIngester = false }, kestrel: true);

    [Fact]
    public async Task Submission_of_many_blocks_over_kestrel_is_spooled_byte_for_byte()
    {
        await using var app = await StartOnKestrelAsync();
        var tests = string.Join(", ", Enumerable.Range(0, 5000).Select(i => $$"""{"id": "acme:t{{i}}", "build_id": "acme:b", "origin": "acme", "comment": "{{new string('x', i % 97)}}"}"""));
        var body = $$"""{"version": {"major": 5, "minor": 3}, "tests": [{{tests}}]}""";
        Assert.True(Encoding.UTF8.GetByteCount(body) > 4 * LargeBlockMemoryPool.BlockSize);

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", app.Token("acme"), body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await response.Content.ReadFromJsonAsync<SubmissionReply>(TestContext.Current.CancellationToken);
        Assert.Equal(body, await File.ReadAllTextAsync(Path.Combine(app.Spool.Root, $"submission-{reply!.Id}.json"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Non_json_of_many_blocks_over_kestrel_is_rejected_with_400()
    {
        await using var app = await StartOnKestrelAsync();
        var body = "{\"tests\": [" + new string(' ', 3 * LargeBlockMemoryPool.BlockSize) + "oops]}";

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", app.Token("acme"), body), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Directory.EnumerateFiles(app.Spool.Root, "submission-*"));
    }
}
