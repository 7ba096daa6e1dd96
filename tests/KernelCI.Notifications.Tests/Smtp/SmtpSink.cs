using System.Buffers;
using System.Collections.Concurrent;
using KernelCI.Testing;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace KernelCI.Notifications.Tests.Smtp;

/// <summary>A real SMTP server (the SmtpServer package) on a loopback port, keeping what it accepts; it can be told to
/// refuse the next messages with a given reply, as a relay does when it is busy (4xx) or refuses a mailbox (5xx).</summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<SmtpReplyCode> _refusals = new();
    private readonly List<(IReadOnlyList<string> To, MimeMessage Message)> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _running;

    private SmtpSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("sink.test").Port(port).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public static SmtpSink Start() => new(FreeLoopbackPort());

    /// <summary>The next <paramref name="times"/> messages get <paramref name="code"/> at the end of DATA.</summary>
    public void Refuse(SmtpReplyCode code, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _refusals.Enqueue(code);
        }
    }

    public IReadOnlyList<(IReadOnlyList<string> To, MimeMessage Message)> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Waits (real time, at most 20 s) until <paramref name="count"/> messages in all have been accepted.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (Received.Count < count)
        {
            await _arrived.WaitAsync(timeout.Token);
        }

        return [.. Received.Select(r => r.Message)];
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

    /// <summary>Below the ephemeral range, like every listener of the tests (<see cref="FreePort"/>).</summary>
    public static int FreeLoopbackPort() => FreePort.BasePort();

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (sink._refusals.TryDequeue(out var code))
            {
                return new SmtpResponse(code, "refused by the test");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (sink._received)
            {
                sink._received.Add(([.. transaction.To.Select(m => $"{m.User}@{m.Host}")], message));
            }

            sink._arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
