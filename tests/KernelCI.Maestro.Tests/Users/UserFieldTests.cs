using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests.Users;

/// <summary>PATCH of a user checks each field exactly as the invite and its acceptance do (one validator).</summary>
public sealed class UserFieldTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseKind, string, string> BadFields()
    {
        var data = new TheoryData<DatabaseKind, string, string>();
        foreach (var kind in (DatabaseKind[])[DatabaseKind.Sqlite, DatabaseKind.PostgreSql])
        {
            data.Add(kind, """{"email":"not-an-email"}""", "email");
            data.Add(kind, new JsonObject { ["email"] = new string('a', 100_000) + "@example.org" }.ToJsonString(), "email");
            data.Add(kind, """{"email":5}""", "email");
            data.Add(kind, """{"password":""}""", "password");
            data.Add(kind, """{"username":"al\u0000ice"}""", "username");
            data.Add(kind, """{"username":"al\u0001ice"}""", "username");
            data.Add(kind, """{"username":""}""", "username");
        }

        return data;
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["detail"]!.ToString();
    }

    [Theory, MemberData(nameof(BadFields))]
    public async Task Patch_me_refuses_a_bad_field_and_keeps_the_user(DatabaseKind kind, string body, string field)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");

        var detail = await DetailAsync(await app.SendAsync(HttpMethod.Patch, "user/me", token, body));

        Assert.StartsWith(field + ":", detail, StringComparison.Ordinal);
        var me = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Get, "whoami", token)).Content.ReadAsStringAsync(Ct))!;
        Assert.Equal(("alice", "alice@localhost"), (me["username"]!.ToString(), me["email"]!.ToString()));
    }

    [Theory, MemberData(nameof(BadFields))]
    public async Task Admin_patch_refuses_a_bad_field(DatabaseKind kind, string body, string field)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var admin = await app.TokenAsync("admin", admin: true);
        var id = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Get, "whoami", await app.TokenAsync("alice"))).Content.ReadAsStringAsync(Ct))!["id"]!;

        var detail = await DetailAsync(await app.SendAsync(HttpMethod.Patch, $"user/{id}", admin, body));

        Assert.StartsWith(field + ":", detail, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(BadFields))]
    public async Task Invite_and_accept_refuse_the_same_bad_fields(DatabaseKind kind, string body, string field)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var admin = await app.TokenAsync("admin", admin: true);
        var invite = new JsonObject { ["username"] = "carol", ["email"] = "carol@example.org", ["return_token"] = true };
        var accept = new JsonObject { ["password"] = "pw" };
        foreach (var (key, value) in JsonNode.Parse(body)!.AsObject())
        {
            (key == "password" ? accept : invite)[key] = value?.DeepClone();
        }

        if (field == "password")
        {
            var token = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Post, "user/invite", admin, invite.ToJsonString())).Content.ReadAsStringAsync(Ct))!["token"]!;
            accept["token"] = token.ToString();
        }

        var response = field == "password"
            ? await app.SendAsync(HttpMethod.Post, "user/accept-invite", null, accept.ToJsonString())
            : await app.SendAsync(HttpMethod.Post, "user/invite", admin, invite.ToJsonString());

        Assert.StartsWith(field + ":", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Patch_me_with_good_fields_changes_them(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");

        var response = await app.SendAsync(HttpMethod.Patch, "user/me", token, """{"username":"alice2","email":"alice@example.org","password":"new-pw"}""");
        var login = await app.Client(null).LoginAsync("alice2", "new-pw", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(login);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Admin_patch_with_a_non_boolean_flag_is_a_400(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var admin = await app.TokenAsync("admin", admin: true);
        var id = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Get, "whoami", await app.TokenAsync("alice"))).Content.ReadAsStringAsync(Ct))!["id"]!;

        var detail = await DetailAsync(await app.SendAsync(HttpMethod.Patch, $"user/{id}", admin, """{"is_superuser":"yes"}"""));

        Assert.StartsWith("is_superuser:", detail, StringComparison.Ordinal);
    }
}
