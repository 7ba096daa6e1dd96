using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace KernelCI.Testing;

/// <summary>A real SMTP server (the SmtpServer package) on a loopback port, keeping what it accepts, for the
/// notifications tests, the end-to-end tests (it outlives the `serve` processes a test kills) and the notify
/// benchmark. It can be told to refuse the next messages with a given reply, as a relay does when it is busy (4xx) or
/// refuses a mailbox (5xx).</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<SmtpReplyCode> _refusals = new();
    private readonly List<ReceivedMail> _received = [];
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

    public static SmtpSink Start() => new(FreePort.BasePort());

    public static SmtpSink Start(int port) => new(port);

    public int Count
    {
        get
        {
            lock (_received)
            {
                return _received.Count;
            }
        }
    }

    public IReadOnlyList<ReceivedMail> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The next <paramref name="times"/> messages get <paramref name="code"/> at the end of DATA.</summary>
    public void Refuse(SmtpReplyCode code, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _refusals.Enqueue(code);
        }
    }

    /// <summary>Waits (real time, at most 20 s) until <paramref name="count"/> messages in all have been accepted;
    /// throws <see cref="OperationCanceledException"/> when they have not.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, CancellationToken cancellationToken = default)
    {
        if (!await WaitForCountAsync(count, TestTimeout, cancellationToken))
        {
            throw new OperationCanceledException($"{Count} of {count} mails accepted within {TestTimeout.TotalSeconds} s");
        }

        return [.. Received.Select(r => r.Message)];
    }

    /// <summary>Whether <paramref name="count"/> messages in all were accepted within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForCountAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        while (Count < count)
        {
            try
            {
                await _arrived.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first accepted message matching <paramref name="match"/>, waiting at most <paramref
    /// name="timeout"/> for it; null when none came.</summary>
    public async Task<ReceivedMail?> WaitForAsync(Func<ReceivedMail, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var seen = 0;
        while (true)
        {
            var received = Received;
            for (; seen < received.Count; seen++)
            {
                if (match(received[seen]))
                {
                    return received[seen];
                }
            }

            try
            {
                await _arrived.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
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

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            var at = Stopwatch.GetTimestamp();
            if (sink._refusals.TryDequeue(out var code))
            {
                return Task.FromResult(new SmtpResponse(code, "refused by the test"));
            }

            var mail = new ReceivedMail(at, [.. transaction.To.Select(m => $"{m.User}@{m.Host}")], buffer.ToArray());
            lock (sink._received)
            {
                sink._received.Add(mail);
            }

            sink._arrived.Release();
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
