using MimeKit;

namespace KernelCI.Testing;

/// <summary>A message <see cref="SmtpSink"/> accepted: its envelope recipients, when (a <see
/// cref="System.Diagnostics.Stopwatch"/> timestamp) and its bytes, parsed only when asked: the notify benchmark reads
/// the headers of 10,000 mails and nothing else.</summary>
public sealed class ReceivedMail(long acceptedAt, IReadOnlyList<string> to, byte[] raw)
{
    private HeaderList? _headers;
    private MimeMessage? _message;

    public long AcceptedAt { get; } = acceptedAt;

    public IReadOnlyList<string> To { get; } = to;

    public HeaderList Headers => _headers ??= HeaderList.Load(new MemoryStream(raw, writable: false));

    public MimeMessage Message => _message ??= MimeMessage.Load(new MemoryStream(raw, writable: false));
}
