using System.Buffers;
using KernelCI.Testing;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace KernelCI.EndToEnd.Tests.Notifications;

/// <summary>A real SMTP server (the SmtpServer package) on a loopback port that keeps every message it accepts; it
/// outlives the `serve` processes a test kills and restarts.</summary>
internal sealed class MailSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<MimeMessage> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _running;

    public MailSink()
    {
        Port = FreePort.BasePort();
        var options = new SmtpServerOptionsBuilder().ServerName("sink.test").Port(Port).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Waits (at most 20 s) until <paramref name="count"/> messages in all have been accepted.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (Received.Count < count)
        {
            await _arrived.WaitAsync(timeout.Token);
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(MailSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (sink._received)
            {
                sink._received.Add(message);
            }

            sink._arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
