using System.Net;
using KernelCI.ServiceDefaults.Jwt;

namespace KernelCI.Storage.Tests.Auth;

public sealed class AuthTests
{
    [Theory]
    [InlineData("Bearer")]
    [InlineData("Token")]
    [InlineData(null)]
    public async Task Checkauth_accepts_token_with_any_scheme_word_or_none(string? scheme)
    {
        await using var app = await StorageTestApp.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/checkauth");
        StorageTestApp.Authorize(request, app.Token("dev@example.org"), scheme);

        using var response = await app.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Authorized: dev@example.org", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Checkauth_without_token_returns_401()
    {
        await using var app = await StorageTestApp.StartAsync();

        using var response = await app.GetAsync("/v1/checkauth");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Checkauth_with_token_of_another_secret_returns_401()
    {
        await using var app = await StorageTestApp.StartAsync();
        var forged = Hs256Jwt.Sign(new System.Text.Json.Nodes.JsonObject { ["email"] = "x@example.org" }, "another secret");

        using var response = await app.GetAsync("/v1/checkauth", h => h.TryAddWithoutValidation("Authorization", "Bearer " + forged));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Expired_token_is_refused()
    {
        await using var app = await StorageTestApp.StartAsync();
        var token = app.Token("old@example.org", DateTimeOffset.UtcNow.AddMinutes(-1));

        using var response = await app.GetAsync("/v1/checkauth", h => h.TryAddWithoutValidation("Authorization", "Bearer " + token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Extra_secret_from_configuration_is_accepted()
    {
        await using var app = await StorageTestApp.StartAsync(options: new StorageOptions { ExtraSecrets = ["unified"] });
        var token = Hs256Jwt.Sign(new System.Text.Json.Nodes.JsonObject { ["email"] = "pipeline@example.org" }, "unified");

        using var response = await app.GetAsync("/v1/checkauth", h => h.TryAddWithoutValidation("Authorization", token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Upload_without_token_returns_401()
    {
        await using var app = await StorageTestApp.StartAsync();

        using var response = await app.UploadAsync("dir", null, ("a.txt", "a"u8.ToArray()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Upload_outside_the_users_prefixes_returns_403()
    {
        var options = new StorageOptions { Users = [new StorageUser { Name = "lab@example.org", Prefixes = ["lab-a/"] }] };
        await using var app = await StorageTestApp.StartAsync(options: options);

        using var response = await app.UploadAsync("lab-b", app.Token("lab@example.org"), ("a.txt", "a"u8.ToArray()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("no upload permissions", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_inside_the_users_prefix_is_stored()
    {
        var options = new StorageOptions { Users = [new StorageUser { Name = "lab@example.org", Prefixes = ["lab-a/"] }] };
        await using var app = await StorageTestApp.StartAsync(options: options);

        using var response = await app.UploadAsync("lab-a/run1", app.Token("lab@example.org"), ("a.txt", "a"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_user_may_not_upload_when_users_are_configured()
    {
        var options = new StorageOptions { Users = [new StorageUser { Name = "lab@example.org", Prefixes = [""] }] };
        await using var app = await StorageTestApp.StartAsync(options: options);

        using var response = await app.UploadAsync("any", app.Token("stranger@example.org"), ("a.txt", "a"u8.ToArray()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
