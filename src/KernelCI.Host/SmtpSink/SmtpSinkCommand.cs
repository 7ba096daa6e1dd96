using System.CommandLine;
using System.Net;
using System.Net.Sockets;

namespace KernelCI.Host.SmtpSink;

/// <summary>`kernelci smtp-sink --dir DIR [--port 2525] [--listen 127.0.0.1]`: a local SMTP server that accepts every
/// mail and writes it into DIR as an `.eml` file, so a demo (`./run.sh`) or a developer can point
/// `Notifications:Smtp` at it and read what would have been sent (docs/notifications.md, "A local SMTP sink").
/// Never a relay: nothing goes further. Runs until Ctrl+C.</summary>
internal static class SmtpSinkCommand
{
    public static Command Create(IAppConsole console)
    {
        var dir = new Option<string>("--dir") { Description = "Folder the received mails are written to", Required = true };
        var port = new Option<int>("--port") { Description = "Port to accept SMTP on", DefaultValueFactory = _ => 2525 };
        var listen = new Option<string>("--listen") { Description = "Address to listen on", DefaultValueFactory = _ => "127.0.0.1" };
        var command = new Command("smtp-sink", "A local SMTP server that writes every mail it receives into a folder") { dir, port, listen };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var portValue = parse.GetValue(port);
            if (portValue is < 1 or > 65535)
            {
                await console.Error.WriteLineAsync("--port: must be 1-65535");
                return ExitCodes.Usage;
            }

            if (!IPAddress.TryParse(parse.GetValue(listen), out var address))
            {
                await console.Error.WriteLineAsync($"--listen: '{parse.GetValue(listen)}' is not an IP address");
                return ExitCodes.Usage;
            }

            var folder = Path.GetFullPath(parse.GetValue(dir)!);
            try
            {
                Directory.CreateDirectory(folder);
                return await MailFolderSink.RunAsync(new IPEndPoint(address, portValue), folder, console, cancellationToken);
            }
            catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException)
            {
                await console.Error.WriteLineAsync($"smtp-sink: {e.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
