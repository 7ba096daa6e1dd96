using System.Net;
using System.Text.Json.Nodes;
using KernelCI.ServiceDefaults.Jwt;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Storage.Tests.Auth;

/// <summary>The authentication handler's replies are kernelci-storage's, and public endpoints never authenticate.</summary>
public sealed class StorageAuthenticationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_scheme_authenticates_every_request()
    {
        await using var app = await StorageTestApp.StartAsync();

        var schemes = app.App.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.Null(await schemes.GetDefaultAuthenticateSchemeAsync());
    }

    [Theory]
    [InlineData("/upload")]
    [InlineData("/v1/file")]
    [InlineData("/v1/archive")]
    public async Task Upload_with_a_bad_token_gets_the_plain_text_401(string path)
    {
        await using var app = await StorageTestApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new MultipartFormDataContent { { new StringContent("p"), "path" } } };
        StorageTestApp.Authorize(request, "not.a.token");

        using var response = await app.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("Unauthorized", await response.Content.ReadAsStringAsync(Cancel));
        Assert.False(response.Headers.Contains("WWW-Authenticate"));
    }

    [Fact]
    public async Task Token_without_an_email_claim_is_refused()
    {
        await using var app = await StorageTestApp.StartAsync();
        var token = Hs256Jwt.Sign(new JsonObject { ["sub"] = "someone" }, app.Secret);

        using var response = await app.GetAsync("/v1/checkauth", h => h.TryAddWithoutValidation("Authorization", "Bearer " + token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Token_with_three_words_uses_the_first()
    {
        await using var app = await StorageTestApp.StartAsync();

        using var response = await app.GetAsync("/v1/checkauth", h => h.TryAddWithoutValidation("Authorization", app.Token("a@example.org") + " x y"));

        Assert.Equal("Authorized: a@example.org", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Download_ignores_a_bad_token()
    {
        await using var app = await StorageTestApp.StartAsync();
        (await app.UploadAsync("d", app.Token(), ("f.txt", "body"u8.ToArray()))).Dispose();

        using var response = await app.GetAsync("/d/f.txt", h => h.TryAddWithoutValidation("Authorization", "Bearer forged"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
