using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KernelCI.Host.Serve;
using KernelCI.Testing;

namespace KernelCI.Host.Tests.Serve;

/// <summary>`serve` runs the notifications component at base port + 5; the dashboard listener forwards
/// `/api/subscriptions` to it; with no SMTP host, mails are files in DATA/mail (docs/notifications.md).</summary>
public sealed partial class NotificationsServeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-serve-notify-").FullName;

    [Fact]
    public async Task Subscription_through_the_dashboard_listener_is_confirmed_by_the_link_in_its_mail()
    {
        var cancel = TestContext.Current.CancellationToken;
        var basePort = FreePort.BasePort();
        var data = Path.Combine(_root, "data");
        var settings = new ServeSettings(data, null, null, "127.0.0.1", basePort, ["dashboard", "kcidb", "notifications"]);
        await using var deployment = await new ServeHost(new TestConsole()).StartAsync(settings, cancel);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{basePort}/") };

        using var created = await http.PostAsync("api/subscriptions",
            new StringContent("""{"address": "dev@example.org", "path": "baseline.*"}""", Encoding.UTF8, "application/json"), cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"state\":\"unconfirmed\"", await created.Content.ReadAsStringAsync(cancel));

        var mail = await WaitForMailAsync(Path.Combine(data, "mail"), cancel);
        var link = ConfirmLink().Match(mail.TextBody!).Value;
        Assert.StartsWith($"http://127.0.0.1:{basePort}/api/subscriptions/confirm?token=", link);
        using var confirmed = await http.PostAsync(link, null, cancel);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    [Fact]
    public async Task Subscribe_page_shows_the_real_apis_refusal_by_its_field_and_a_good_form_writes_the_confirmation()
    {
        var cancel = TestContext.Current.CancellationToken;
        var basePort = FreePort.BasePort();
        var data = Path.Combine(_root, "data");
        var settings = new ServeSettings(data, null, null, "127.0.0.1", basePort, ["dashboard", "kcidb", "notifications"]);
        await using var deployment = await new ServeHost(new TestConsole()).StartAsync(settings, cancel);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{basePort}/") };

        using var bad = await http.PostAsync("subscribe", new FormUrlEncodedContent(
            [new("address", "dev@example.org"), new("path", "baseline..login"), new("delivery", "immediate")]), cancel);
        var badHtml = await bad.Content.ReadAsStringAsync(cancel);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Matches("<p class=\"field-error\" id=\"path-error\">path: malformed pattern &#x27;baseline..login&#x27;: an empty path component</p>", badHtml);
        Assert.False(Directory.Exists(Path.Combine(data, "mail")) && Directory.GetFiles(Path.Combine(data, "mail")).Length > 0);

        using var good = await http.PostAsync("subscribe", new FormUrlEncodedContent(
            [new("address", "dev@example.org"), new("path", "baseline.*"), new("delivery", "daily")]), cancel);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.Contains("A confirmation mail was sent to <strong>dev@example.org</strong>", await good.Content.ReadAsStringAsync(cancel));
        var mail = await WaitForMailAsync(Path.Combine(data, "mail"), cancel);
        Assert.Equal("dev@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Contains("tests baseline.*", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escaped_question_mark_in_a_forwarded_path_stays_in_the_path()
    {
        var cancel = TestContext.Current.CancellationToken;
        var basePort = FreePort.BasePort();
        var settings = new ServeSettings(Path.Combine(_root, "data"), null, null, "127.0.0.1", basePort, ["dashboard", "kcidb", "notifications"]);
        await using var deployment = await new ServeHost(new TestConsole()).StartAsync(settings, cancel);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{basePort}/") };

        // Unescaped, this would reach the confirmation page as `confirm?token=forged` and be refused for its token.
        using var response = await http.GetAsync("api/subscriptions/confirm%3Ftoken=forged", cancel);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Subscriptions_when_notifications_do_not_answer_get_502_saying_so()
    {
        var cancel = TestContext.Current.CancellationToken;
        var basePort = FreePort.BasePort();
        var settings = new ServeSettings(Path.Combine(_root, "data"), null, null, "127.0.0.1", basePort, ["dashboard", "kcidb"]);
        await using var deployment = await new ServeHost(new TestConsole()).StartAsync(settings, cancel);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{basePort}/") };

        using var response = await http.PostAsync("api/subscriptions",
            new StringContent("""{"address": "dev@example.org", "path": "baseline.*"}""", Encoding.UTF8, "application/json"), cancel);

        // Nothing listens at base + 5: in a split deployment another process would
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("the notifications component did not answer", await response.Content.ReadAsStringAsync(cancel));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static async Task<MimeKit.MimeMessage> WaitForMailAsync(string folder, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (Directory.Exists(folder) && Directory.GetFiles(folder, "*.eml").FirstOrDefault() is { } file)
            {
                return await MimeKit.MimeMessage.LoadAsync(file, timeout.Token);
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    [GeneratedRegex(@"http://\S+/api/subscriptions/confirm\?token=\S+")]
    private static partial Regex ConfirmLink();
}
