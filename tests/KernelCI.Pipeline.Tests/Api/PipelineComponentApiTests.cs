using System.Text;
using System.Text.Json.Nodes;
using KernelCI.ServiceDefaults;
using KernelCI.Pipeline.Api;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace KernelCI.Pipeline.Tests.Api;

public sealed class PipelineComponentApiTests
{
    [Fact]
    public async Task Pipeline_component_serves_the_api_with_the_data_folder_secret()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await PipelineComponentHost.StartAsync(stack);
        var http = host.Http;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/checkout")
        {
            Content = new StringContent("""{"url":"https://git.example.org/linux.git","branch":"main","commit":"0123456789abcdef0123456789abcdef01234567","jobfilter":null,"platformfilter":[]}""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization",
            PipelineTokens.Issue(stack.Context.Secrets.Get(PipelineTokens.SecretName), "dev@example.org", ["checkout"], null));

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("checkout", body["node"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pipeline_component_offers_its_lab_view_to_the_other_components_of_its_host()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var host = await PipelineComponentHost.StartAsync(stack);

        var view = stack.Context.Local.Find<KernelCI.ServiceDefaults.Labs.ILabView>();

        Assert.NotNull(view);
        Assert.NotNull(await view.LabsAsync(TestContext.Current.CancellationToken));
    }
}
