using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace KernelCI.Host.SmtpSink;

/// <summary>The SmtpServer package's server with a store that writes each message, as received, into a folder:
/// `&lt;UTC time&gt;-&lt;number&gt;.eml`, written to a temporary name first so a reader never sees half a mail.</summary>
internal static class MailFolderSink
{
    /// <summary>Largest mail accepted (SIZE in EHLO; a bigger one is refused with 552): the sink buffers each mail in
    /// memory, and with `--listen` on a routable address anyone who reaches the port could send one.</summary>
    public const int MaxMessageBytes = 25 * 1024 * 1024;

    public static async Task<int> RunAsync(IPEndPoint endpoint, string folder, IAppConsole console, CancellationToken cancellationToken)
    {
        // SmtpServer reports a port in use only when its listener task fails; binding first gives one clear line.
        using (var probe = new TcpListener(endpoint))
        {
            probe.Start();
            probe.Stop();
        }

        var options = new SmtpServerOptionsBuilder().ServerName("kernelci-smtp-sink").MaxMessageSize(MaxMessageBytes)
            .Endpoint(b => b.Endpoint(endpoint)).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new FolderStore(folder, TimeProvider.System));
        await console.Out.WriteLineAsync($"smtp-sink: accepting mail on {endpoint}, writing it to {folder}");
        try
        {
            await new SmtpServer.SmtpServer(options, services).StartAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return ExitCodes.Success;
    }

    private sealed class FolderStore(string folder, TimeProvider time) : MessageStore
    {
        private int _count;

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            var name = $"{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Interlocked.Increment(ref _count):D6}.eml";
            var path = Path.Combine(folder, name);
            await File.WriteAllBytesAsync(path + ".tmp", buffer.ToArray(), cancellationToken);
            File.Move(path + ".tmp", path, overwrite: true);
            return SmtpResponse.Ok;
        }
    }
}
