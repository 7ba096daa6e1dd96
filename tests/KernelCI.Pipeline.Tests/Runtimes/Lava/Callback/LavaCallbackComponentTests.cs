using KernelCI.Pipeline.Tests.Api;
using KernelCI.Pipeline.Tests.Stack;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava.Callback;

public sealed class LavaCallbackComponentTests
{
    [Fact]
    public async Task Pipeline_component_serves_the_callback_route_behind_lab_tokens()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await PipelineComponentHost.StartAsync(stack);
        using var request = new HttpRequestMessage(HttpMethod.Post, "node/0123456789abcdef01234567")
        {
            Content = new StringContent(CallbackPayloads.Body().ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "no-lab-has-this");

        using var response = await host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains("Unauthorized", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
