using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests.Users;

public sealed class UserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Login_returns_a_bearer_token_that_whoami_accepts(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        await app.TokenAsync("alice");
        var token = await app.Client(null).LoginAsync("alice", "secret-alice", Ct);

        var whoami = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Get, "whoami", token)).Content.ReadAsStringAsync(Ct))!;

        Assert.Equal("alice", whoami["username"]!.ToString());
        Assert.Null(whoami["password_hash"]);
    }

    [Fact]
    public async Task Login_with_a_bad_password_returns_400_bad_credentials()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        await app.TokenAsync("alice");
        var error = await Assert.ThrowsAsync<MaestroClientException>(() => app.Client(null).LoginAsync("alice", "wrong", Ct));
        Assert.Equal((HttpStatusCode.BadRequest, "LOGIN_BAD_CREDENTIALS"), (error.StatusCode, error.Message));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Logout_revokes_every_token_of_the_user(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");
        Assert.Equal(HttpStatusCode.NoContent, (await app.SendAsync(HttpMethod.Post, "user/logout", token)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.SendAsync(HttpMethod.Get, "whoami", token)).StatusCode);
    }

    [Fact]
    public async Task Admin_revokes_another_users_tokens()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.TokenAsync("admin", admin: true);
        var token = await app.TokenAsync("lab");
        var id = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Get, "whoami", token)).Content.ReadAsStringAsync(Ct))!["id"]!.ToString();

        await app.SendAsync(HttpMethod.Post, $"user/{id}/revoke-tokens", admin);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.SendAsync(HttpMethod.Get, "whoami", token)).StatusCode);
    }

    [Fact]
    public async Task Invited_user_accepts_and_logs_in()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var admin = await app.TokenAsync("admin", admin: true);
        var invite = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Post, "user/invite", admin,
            """{"username":"carol","email":"carol@example.org","return_token":true}""")).Content.ReadAsStringAsync(Ct))!;

        var accepted = await app.SendAsync(HttpMethod.Post, "user/accept-invite", null,
            new JsonObject { ["token"] = invite["token"]!.ToString(), ["password"] = "pw" }.ToJsonString());
        var token = await app.Client(null).LoginAsync("carol", "pw", Ct);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.SendAsync(HttpMethod.Post, "user/accept-invite", null,
            new JsonObject { ["token"] = invite["token"]!.ToString(), ["password"] = "pw2" }.ToJsonString())).StatusCode);
    }

    [Fact]
    public async Task Non_admin_cannot_manage_groups()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var token = await app.TokenAsync("alice");
        Assert.Equal(HttpStatusCode.Forbidden, (await app.SendAsync(HttpMethod.Post, "user-groups", token, """{"name":"x"}""")).StatusCode);
    }

    [Theory]
    [InlineData("node:edit:any", null, null)]
    [InlineData("kernelci-team", "kernelci-team", null)]
    [InlineData("runtime:lava-collabora:node-editor", null, "lava-collabora")]
    [InlineData("runtime:lava-collabora:node-admin", null, "lava-collabora")]
    public async Task Group_members_may_edit_others_nodes(string group, string? userGroup, string? runtime)
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var owner = app.Client(await app.TokenAsync("owner", false, userGroup is null ? [] : [userGroup]));
        var editor = app.Client(await app.TokenAsync("editor", false, group));
        var data = new JsonObject { ["kernel_revision"] = SampleNodes.Revision() };
        if (runtime is not null)
        {
            data["runtime"] = runtime;
        }

        var node = await owner.CreateNodeAsync(SampleNodes.Checkout() with { Data = data, UserGroups = userGroup is null ? [] : [userGroup] }, Ct);

        var patched = await editor.PatchNodeAsync(node.Id!, new JsonObject { ["state"] = "done" }, cancellationToken: Ct);

        Assert.Equal(("done", "owner"), (patched.State, patched.Owner));
    }

    [Fact]
    public async Task Other_users_without_a_group_get_401()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var node = await app.Client(await app.TokenAsync("owner")).CreateNodeAsync(SampleNodes.Checkout(), Ct);
        var stranger = app.Client(await app.TokenAsync("stranger"));
        var error = await Assert.ThrowsAsync<MaestroClientException>(() =>
            stranger.PatchNodeAsync(node.Id!, new JsonObject { ["state"] = "done" }, cancellationToken: Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }
}
