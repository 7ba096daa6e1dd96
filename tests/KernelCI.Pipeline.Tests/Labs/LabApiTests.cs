using System.Text.Json.Nodes;
using KernelCI.Pipeline.Tests.Api;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Labs;

public sealed class LabApiTests
{
    private static async Task<(int Status, JsonObject Body)> GetAsync(string path, Func<PipelineApiHost, string?> token)
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await PipelineApiHost.StartAsync(stack, LabViewHost.Config());
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token(host) is { } value)
        {
            request.Headers.TryAddWithoutValidation("Authorization", value);
        }

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject());
    }

    [Fact]
    public async Task Lab_view_without_a_token_is_refused()
    {
        var (status, body) = await GetAsync("api/labs", _ => null);

        Assert.Equal(401, status);
        Assert.StartsWith("Unauthorized", body["message"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lab_view_is_read_with_a_token_of_any_permission()
    {
        var (status, body) = await GetAsync("api/labs", host => host.Token());

        Assert.Equal(200, status);
        var lab = Assert.Single(body["labs"]!.AsArray())!;
        Assert.Equal((LabViewHost.Lab, "lava", "not_reported"), (lab["name"]!.ToString(), lab["lab_type"]!.ToString(), lab["health"]!["status"]!.ToString()));
    }

    [Fact]
    public async Task One_lab_is_read_by_its_name()
    {
        var (status, body) = await GetAsync("api/labs/" + LabViewHost.Lab, host => host.Token());

        Assert.Equal((200, LabViewHost.Lab), (status, body["name"]!.ToString()));
        Assert.NotNull(body["device_types"]);
    }

    [Fact]
    public async Task Unknown_lab_is_not_found_naming_it()
    {
        var (status, body) = await GetAsync("api/labs/nope", host => host.Token());

        Assert.Equal(404, status);
        Assert.StartsWith("name: no lab named 'nope'", body["message"]!.ToString(), StringComparison.Ordinal);
    }
}
