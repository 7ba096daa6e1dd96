using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;

namespace KernelCI.Notifications.Sending;

/// <summary>Whether a failed delivery is worth trying again: an SMTP 4xx reply, a refused or broken connection or a
/// timeout is temporary; a 5xx reply is the server's final word (RFC 5321 §4.2.1).</summary>
internal static class DeliveryFailure
{
    public static bool IsTemporary(Exception e) => e switch
    {
        SmtpCommandException command => (int)command.StatusCode < 500,
        SocketException or IOException or TimeoutException or SmtpProtocolException or ServiceNotConnectedException
            or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException => true,
        _ => false,
    };

    public static string Describe(Exception e) => e switch
    {
        SmtpCommandException command => $"{(int)command.StatusCode} {command.Message} ({command.ErrorCode})",
        _ => $"{e.GetType().Name}: {e.Message}",
    };
}
