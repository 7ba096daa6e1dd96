using System.Net.Http.Headers;
using System.Text.Json;
using KernelCI.Client.Maestro;
using KernelCI.ServiceDefaults;
using KernelCI.Pipeline.Api;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace KernelCI.Pipeline.Tests.Api;

/// <summary>Generated malformed requests against the pipeline component as `serve` builds it: none may get a 5xx,
/// and the nodes made before stay as they were.</summary>
public sealed class PipelineApiFuzzTests
{
    private const int Seed = 20261206;

    [Fact]
    public async Task Malformed_requests_get_no_5xx_and_leave_earlier_nodes_intact()
    {
        // Given the component on a stack, with a checkout and a patchset node made before the fuzzing
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await PipelineComponentHost.StartAsync(stack);
        var http = host.Http;
        // (running nodes, which the send-kcidb service this component runs leaves alone)
        var secret = stack.Context.Secrets.Get(PipelineTokens.SecretName);
        var token = PipelineTokens.Issue(secret, "dev@example.org", PipelineTokens.Permissions, null);
        var checkout = await CreateAsync(http, "/api/checkout", token,
            """{"url":"https://git.example.org/linux.git","branch":"main","commit":"0123456789abcdef0123456789abcdef01234567"}""");
        var patchset = await CreateAsync(http, "/api/patchset", token,
            $$"""{"nodeid":"{{checkout}}","patch":["--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n"]}""");
        var before = await SnapshotAsync(stack.Maestro, checkout, patchset);

        // When the generated requests are sent
        var cases = new FuzzCases(Seed, secret, checkout).All().ToList();
        var failures = new List<string>();
        var sent = 0;
        foreach (var fuzz in cases)
        {
            var status = await SendAsync(http, fuzz);
            sent += status > 0 ? 1 : 0;
            if (status >= 500)
            {
                failures.Add($"{status} for {fuzz.Method} {fuzz.Path[..Math.Min(80, fuzz.Path.Length)]}: {fuzz.What}");
            }
        }

        // Then none got a 5xx, and the earlier nodes are unchanged
        Assert.True(sent >= 200, $"only {sent} requests sent");
        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync(stack.Maestro, checkout, patchset));
        Assert.Equal(200, await SendAsync(http, new FuzzCase("health", HttpMethod.Get, "/health", null, null, null)));
    }

    private static async Task<string> CreateAsync(HttpClient http, string path, string token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var reply = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.True(response.IsSuccessStatusCode, reply.ToJsonString());
        return reply["node"]!["id"]!.GetValue<string>();
    }

    private static async Task<int> SendAsync(HttpClient http, FuzzCase fuzz)
    {
        using var request = new HttpRequestMessage(fuzz.Method, fuzz.Path);
        if (fuzz.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(fuzz.ContentType);
            }
        }

        if (fuzz.Token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", fuzz.Token);
        }

        try
        {
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException e) when (e.InnerException is null)
        {
            // HttpClient itself refused to send it (e.g. a header it will not write): not a server reply.
            return 0;
        }
    }

    private static async Task<string> SnapshotAsync(MaestroClient maestro, params string[] ids)
    {
        var nodes = new List<MaestroNode?>();
        foreach (var id in ids)
        {
            nodes.Add(await maestro.GetNodeAsync(id, TestContext.Current.CancellationToken));
        }

        return JsonSerializer.Serialize(nodes, MaestroJson.Options);
    }
}
