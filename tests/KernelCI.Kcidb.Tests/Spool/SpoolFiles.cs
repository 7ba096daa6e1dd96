using System.Text;
using System.Text.Json;
using KernelCI.Kcidb.Spool;

namespace KernelCI.Kcidb.Tests.Spool;

/// <summary>Puts a body straight into the spool, as a file spooled before the upload check refused it, or dropped there
/// by hand, would be: no syntax check on the way.</summary>
internal static class SpoolFiles
{
    public static string Drop(SubmissionSpool spool, string body, string origin = "acme", DateTime? received = null) =>
        Drop(spool, Encoding.UTF8.GetBytes(body), origin, received);

    public static string Drop(SubmissionSpool spool, byte[] body, string origin = "acme", DateTime? received = null)
    {
        var id = SubmissionSpool.NewId();
        var meta = new SubmissionMeta(origin, Admin: false, (received ?? DateTime.UtcNow).Ticks);
        File.WriteAllBytes(Path.Combine(spool.Root, $"submission-{id}.meta.json"), JsonSerializer.SerializeToUtf8Bytes(meta));
        // Written aside and renamed in, as the server does, so a running ingester never reads half a body.
        var path = Path.Combine(spool.Root, $"submission-{id}.json");
        File.WriteAllBytes(path + ".drop", body);
        File.Move(path + ".drop", path);
        return id;
    }
}
