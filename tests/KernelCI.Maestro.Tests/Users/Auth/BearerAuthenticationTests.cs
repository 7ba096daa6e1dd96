using System.Net;
using KernelCI.Data;
using KernelCI.Maestro.Users;
using KernelCI.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Maestro.Tests.Users.Auth;

public sealed class BearerAuthenticationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_call_to_a_signed_in_endpoint_is_upstreams_401_without_a_challenge_header()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.SendAsync(HttpMethod.Get, "whoami", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"detail":"Unauthorized"}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Non_admin_call_to_an_admin_endpoint_is_upstreams_403()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var token = await app.TokenAsync("alice");

        using var response = await app.SendAsync(HttpMethod.Get, "stats/subscriptions", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"detail":"Forbidden"}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_token_on_a_public_endpoint_is_not_read()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite, new MaestroOptions { UserCacheLifetime = TimeSpan.FromMinutes(5) });
        var token = await app.TokenAsync("lab");
        var userId = UserTokens.Read(token, new SecretStore(app.DataDirectory).Get(UserTokens.SecretName), DateTimeOffset.UtcNow)!.Value.UserId;
        var cache = app.App.Services.GetRequiredService<UserCache>();

        using var response = await app.SendAsync(HttpMethod.Get, "nodes", token);
        var readForPublic = cache.TryGet(userId, out _);
        using var whoami = await app.SendAsync(HttpMethod.Get, "whoami", token);

        Assert.Equal((HttpStatusCode.OK, false), (response.StatusCode, readForPublic));
        Assert.True(cache.TryGet(userId, out _));
    }

    [Fact]
    public async Task The_bearer_scheme_is_no_default_so_public_endpoints_never_authenticate()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);

        var schemes = app.App.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.Null(await schemes.GetDefaultAuthenticateSchemeAsync());
    }

    [Fact]
    public async Task Register_answers_an_admin_with_404_and_anyone_else_with_403()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.TokenAsync("admin", admin: true);

        using var asAdmin = await app.SendAsync(HttpMethod.Post, "user/register", admin, "{}");
        using var anonymous = await app.SendAsync(HttpMethod.Post, "user/register", null, "{}");

        Assert.Equal((HttpStatusCode.NotFound, """{"detail":"Not Found: use /user/invite"}"""), (asAdmin.StatusCode, await asAdmin.Content.ReadAsStringAsync(Ct)));
        Assert.Equal((HttpStatusCode.Forbidden, """{"detail":"Forbidden"}"""), (anonymous.StatusCode, await anonymous.Content.ReadAsStringAsync(Ct)));
    }
}
