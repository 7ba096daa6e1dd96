using System.Net.Sockets;
using KernelCI.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace KernelCI.Host.Tests.SmtpSink;

/// <summary>`kernelci smtp-sink`: the demo's local SMTP server, writing each mail into a folder (docs/notifications.md,
/// "A local SMTP sink").</summary>
public sealed class SmtpSinkCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("kernelci-smtp-sink-").FullName;

    [Fact]
    public async Task Mail_sent_to_the_sink_is_written_into_its_folder()
    {
        var cancel = TestContext.Current.CancellationToken;
        var port = FreePort.BasePort();
        var folder = Path.Combine(_directory, "mail");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var console = new TestConsole();
        var running = KernelCiCommand.Create(console).Parse(["smtp-sink", "--dir", folder, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            .InvokeAsync(cancellationToken: stop.Token);

        var message = new MimeMessage { Subject = "[REGRESSION] mainline/master: baseline.login" };
        message.From.Add(MailboxAddress.Parse("bot@kernelci.test"));
        message.To.Add(MailboxAddress.Parse("dev@example.org"));
        message.Body = new TextPart("plain") { Text = "Hello,\n" };
        using (var client = new SmtpClient())
        {
            await ConnectAsync(client, port, cancel);
            await client.SendAsync(message, cancel);
            await client.DisconnectAsync(quit: true, cancel);
        }

        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var received = await MimeMessage.LoadAsync(file, cancel);
        Assert.Equal(message.MessageId, received.MessageId);
        Assert.Equal(message.Subject, received.Subject);
        await stop.CancelAsync();
        Assert.Equal(0, await running);
        Assert.Contains($"writing it to {folder}", console.Out.ToString());
    }

    [Fact]
    public async Task Mail_over_the_size_limit_is_refused_and_not_written()
    {
        var cancel = TestContext.Current.CancellationToken;
        var port = FreePort.BasePort();
        var folder = Path.Combine(_directory, "mail");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var running = KernelCiCommand.Create(new TestConsole()).Parse(["smtp-sink", "--dir", folder, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            .InvokeAsync(cancellationToken: stop.Token);
        var message = new MimeMessage { Subject = "too big" };
        message.From.Add(MailboxAddress.Parse("bot@kernelci.test"));
        message.To.Add(MailboxAddress.Parse("dev@example.org"));
        message.Body = new TextPart("plain") { Text = new string('x', 26 * 1024 * 1024) };

        using (var client = new SmtpClient())
        {
            await ConnectAsync(client, port, cancel);
            await Assert.ThrowsAnyAsync<Exception>(() => client.SendAsync(message, cancel));
        }

        Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : []);
        await stop.CancelAsync();
        await running;
    }

    [Theory]
    [InlineData("--port", "0", "--port: must be 1-65535")]
    [InlineData("--listen", "localhost:25", "--listen: 'localhost:25' is not an IP address")]
    public async Task Bad_option_is_a_usage_error_in_one_line(string option, string value, string expected)
    {
        var (exitCode, console) = await TestConsole.RunAsync("smtp-sink", "--dir", _directory, option, value);

        Assert.Equal(1, exitCode);
        Assert.Equal(expected, console.Error.ToString().Trim());
    }

    [Fact]
    public async Task Port_in_use_is_a_failure_in_one_line()
    {
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, FreePort.BasePort());
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var (exitCode, console) = await TestConsole.RunAsync("smtp-sink", "--dir", _directory, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(2, exitCode);
        Assert.StartsWith("smtp-sink: ", console.Error.ToString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // The sink starts listening a moment after the command starts; there is no event to wait on from outside.
    private static async Task ConnectAsync(SmtpClient client, int port, CancellationToken cancel)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None, timeout.Token);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
    }
}
