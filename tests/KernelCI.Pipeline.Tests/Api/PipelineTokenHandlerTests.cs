using System.Text.Json.Nodes;
using KernelCI.Pipeline.Api;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.ServiceDefaults.Jwt;

namespace KernelCI.Pipeline.Tests.Api;

/// <summary>The exact 401 replies of the token handler (upstream's `{"message": "Unauthorized: …"}`), which kci-dev
/// prints, for every way a token can be refused.</summary>
public sealed class PipelineTokenHandlerTests
{
    [Fact]
    public async Task Missing_token_is_401_with_upstreams_body()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, type, body) = await PostAsync(api, "api/jobretry", token: null);

        Assert.Equal((401, "application/json", """{"message":"Unauthorized: Authorization header missing"}"""), (status, type, body));
    }

    [Fact]
    public async Task Token_lacking_the_permission_is_401_naming_it()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);

        var (status, type, body) = await PostAsync(api, "api/jobretry", api.Token("checkout", "patchset"));

        Assert.Equal((401, "application/json", """{"message":"Unauthorized: token lacks the \u0027testretry\u0027 permission"}"""), (status, type, body));
    }

    [Fact]
    public async Task Token_without_an_email_is_401()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var token = Hs256Jwt.Sign(new JsonObject { ["permissions"] = new JsonArray("patchset") },
            stack.Context.Secrets.Get(PipelineTokens.SecretName));

        var (status, _, body) = await PostAsync(api, "api/patchset", token);

        Assert.Equal((401, """{"message":"Unauthorized: token has no email claim"}"""), (status, body));
    }

    [Fact]
    public async Task Forged_bearer_token_is_401_with_the_reason()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(stack);
        var forged = PipelineTokens.Issue("not-the-secret", "dev@example.org", ["checkout"], null);

        var (status, _, body) = await PostAsync(api, "api/checkout", "Bearer " + forged);

        Assert.Equal(401, status);
        Assert.StartsWith("""{"message":"Unauthorized: """, body, StringComparison.Ordinal);
    }

    private static async Task<(int Status, string? ContentType, string Body)> PostAsync(PipelineApiHost api, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}") };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        using var response = await api.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
