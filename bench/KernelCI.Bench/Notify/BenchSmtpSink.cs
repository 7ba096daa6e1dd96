using System.Buffers;
using System.Diagnostics;
using KernelCI.Bench.Infrastructure;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace KernelCI.Bench.Notify;

/// <summary>The SMTP server both the notifications sender and the MailKit baseline send to (the SmtpServer package,
/// in this process): it parses each message's headers and records when it accepted it.</summary>
internal sealed class BenchSmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<AcceptedMail> _accepted = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _running;

    public BenchSmtpSink()
    {
        Port = FreePort.Find();
        var options = new SmtpServerOptionsBuilder().ServerName("bench-sink").Port(Port).MaxMessageSize(0).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public int Count
    {
        get
        {
            lock (_accepted)
            {
                return _accepted.Count;
            }
        }
    }

    public IReadOnlyList<AcceptedMail> Accepted
    {
        get
        {
            lock (_accepted)
            {
                return [.. _accepted];
            }
        }
    }

    /// <summary>Waits until a mail matching <paramref name="match"/> was accepted; returns the first.</summary>
    public async Task<AcceptedMail> WaitForAsync(Func<AcceptedMail, bool> match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var seen = 0;
        while (true)
        {
            var accepted = Accepted;
            for (; seen < accepted.Count; seen++)
            {
                if (match(accepted[seen]))
                {
                    return accepted[seen];
                }
            }

            try
            {
                await _arrived.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new BenchFailure($"no such mail within {timeout.TotalSeconds} s ({accepted.Count} accepted)");
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> mails in all were accepted.</summary>
    public async Task WaitForCountAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
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
                throw new BenchFailure($"{Count} of {count} mails accepted within {timeout.TotalSeconds} s");
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

    private sealed class Store(BenchSmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            var at = Stopwatch.GetTimestamp();
            using var stream = new MemoryStream(buffer.ToArray());
            var headers = HeaderList.Load(stream);
            var mail = new AcceptedMail(at, headers[HeaderId.MessageId] ?? "", headers[HeaderId.Subject] ?? "", headers["X-KernelCI-Report"] ?? "",
                string.Join(",", transaction.To.Select(m => $"{m.User}@{m.Host}")));
            lock (sink._accepted)
            {
                sink._accepted.Add(mail);
            }

            sink._arrived.Release();
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
