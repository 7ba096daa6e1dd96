using System.Net;
using System.Net.Http.Json;
using KernelCI.Data;
using KernelCI.Kcidb.Submissions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Kcidb.Tests.Submissions;

/// <summary>The submitter token scheme and policy on kcidb-restd-rs's routes, and nowhere else.</summary>
public sealed class SubmitterAuthenticationTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Task<KcidbTestApp> StartAsync(KcidbOptions? options = null) =>
        KcidbTestApp.StartAsync(DatabaseKind.Sqlite, (options ?? new KcidbOptions()) with { RunIngester = false });

    [Fact]
    public async Task There_is_no_default_scheme_so_public_routes_check_no_token()
    {
        await using var app = await StartAsync();

        var schemes = app.App.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.Null(await schemes.GetDefaultAuthenticateSchemeAsync());
    }

    [Fact]
    public async Task A_token_signed_with_an_extra_secret_is_accepted()
    {
        const string extra = "an-extra-secret-like-upstreams-unified-secret";
        await using var app = await StartAsync(new KcidbOptions { ExtraSecrets = [extra] });
        var token = SubmissionAuthenticator.IssueToken(extra, "acme", admin: false, DateTimeOffset.UtcNow.AddHours(1));

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Get, "/authtest", token), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new StatusReply("acme", "ok"), await response.Content.ReadFromJsonAsync<StatusReply>(Cancellation));
    }

    [Fact]
    public async Task Status_with_a_refused_token_answers_the_error_body_naming_the_problem()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Get, "/status?id=abc", "x.y.z"), Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(
            new SubmissionReply("0", "error", "malformed token: bad base64url"),
            await response.Content.ReadFromJsonAsync<SubmissionReply>(Cancellation));
    }

    [Fact]
    public async Task Queries_answer_whatever_authorization_header_is_sent()
    {
        await using var app = await StartAsync();

        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Get, "/api/checkouts", "x.y.z"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
