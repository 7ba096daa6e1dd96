using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Kcidb;
using KernelCI.Data;
using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Submissions;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests.Fuzz;

/// <summary>Hundreds of malformed requests against the running component (ingester included): none may get a 5xx, nor
/// stop ingestion, nor change what was ingested before.</summary>
public sealed class KcidbApiFuzzTests
{
    private const int Seed = 20261206;
    private const int Requests = 260;

    private const string Early = """
        {"version":{"major":5,"minor":3},
         "checkouts":[{"id":"early:c","origin":"early","tree_name":"stable"}],
         "builds":[{"id":"early:b","origin":"early","checkout_id":"early:c","status":"PASS","duration":12.5}],
         "tests":[{"id":"early:t","origin":"early","build_id":"early:b","path":"boot","status":"PASS"}]}
        """;

    private const string After = """
        {"version":{"major":5,"minor":3},"checkouts":[{"id":"acme:after","origin":"acme","tree_name":"next"}]}
        """;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Malformed_requests_get_no_5xx_and_leave_ingestion_and_earlier_data_intact(DatabaseKind kind)
    {
        // A real listener: Kestrel, not the test client, parses the odd methods, paths and headers.
        await using var app = await KcidbTestApp.StartAsync(kind, kestrel: true);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        var token = app.Token("acme");
        await SubmitAndWaitAsync(app, app.Token("early"), Early, timeout.Token);
        var before = await GetAsync(app, "/api/query?checkout=early:c&children=true");

        var generator = new FuzzRequests(new Random(Seed), token, expired => expired
            ? app.Token("acme", validFor: TimeSpan.FromMinutes(-5))
            : SubmissionAuthenticator.IssueToken("another-secret", "acme", false, DateTimeOffset.UtcNow.AddHours(1)));
        var failures = new List<string>();
        var accepted = new List<string>();
        foreach (var request in generator.Generate(Requests))
        {
            var (status, body) = await SendAsync(app, request, timeout.Token);
            if (status >= 500)
            {
                failures.Add($"{status} for {request}: {body}");
            }
            else if (status == 200 && request.Path == "/submit" && request.Method == HttpMethod.Post)
            {
                accepted.Add(JsonNode.Parse(body)!["id"]!.GetValue<string>());
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Ingestion goes on: a good submission sent after all that is ingested and queryable.
        var afterStatus = await SubmitAndWaitAsync(app, token, After, timeout.Token);
        Assert.Equal("processed", afterStatus);
        var after = await GetAsync(app, "/api/query?checkout=acme:after");
        Assert.Equal("next", (string?)after["checkouts"]![0]!["tree_name"]);

        // Every fuzzed submission that was accepted has been dealt with, none is stuck in the spool.
        foreach (var id in accepted)
        {
            Assert.Contains(app.Spool.StatusOf(id), new[] { SubmissionStatus.Processed, SubmissionStatus.Failed });
            using var status = await app.Client.SendAsync(app.Request(HttpMethod.Get, $"/status?id={id}", token), timeout.Token);
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        }

        Assert.True(JsonNode.DeepEquals(before, await GetAsync(app, "/api/query?checkout=early:c&children=true")), "the earlier data changed");
    }

    private static async Task<(int Status, string Body)> SendAsync(KcidbTestApp app, FuzzRequest request, CancellationToken cancellationToken)
    {
        // Absolute, so that a path such as "//submit" stays a path on this listener and is never read as a host name.
        using var message = new HttpRequestMessage(request.Method, new Uri(app.Client.BaseAddress!.GetLeftPart(UriPartial.Authority) + request.Path));
        if (request.Authorization is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", request.Authorization);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
        }

        try
        {
            using var response = await app.Client.SendAsync(message, cancellationToken);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException e)
        {
            return (599, e.ToString());
        }
    }

    private static async Task<string> SubmitAndWaitAsync(KcidbTestApp app, string token, string body, CancellationToken cancellationToken)
    {
        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", token, body), cancellationToken);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<SubmissionReply>(cancellationToken))!.Id;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(TimeSpan.FromSeconds(90));
        try
        {
            return (await new KcidbClient(app.Client, token).WaitAsync(id, TimeSpan.FromMilliseconds(20), cancellationToken: wait.Token)).Status;
        }
        catch (OperationCanceledException) when (!Cancellation.IsCancellationRequested)
        {
            return $"still {app.Spool.StatusOf(id)} after 90 s: ingestion has stopped";
        }
    }

    private static async Task<JsonObject> GetAsync(KcidbTestApp app, string path)
    {
        using var response = await app.Client.GetAsync(path, Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }
}
