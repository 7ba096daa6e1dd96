using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Storage;
using KernelCI.Pipeline.Events;
using YamlDotNet.Serialization;

namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>What a callback leaves in storage under the job's folder (`<job name>-<node id>/`, as upstream): the
/// target's serial output as `log.txt.gz` (lava_log), the structured log as `lava-logs.yaml` (lava_logs) and the body
/// without its token as `lava_callback.json.gz` (callback_data). Returns the artifacts to add to the job node.</summary>
internal sealed class CallbackArtifacts(StorageClient storage, PublicUrls urls, Retry retry)
{
    private static readonly ISerializer Yaml = new SerializerBuilder().Build();

    public async Task<Dictionary<string, string>> UploadAsync(string folder, LavaCallback callback, JsonObject body, CancellationToken cancellationToken)
    {
        var artifacts = new Dictionary<string, string>();
        if (callback.Log is { Count: > 0 } log)
        {
            if (TargetLog.Text(log) is { Length: > 0 } text)
            {
                artifacts["lava_log"] = await PutAsync(folder, "log.txt.gz", Gzip(Encoding.UTF8.GetBytes(text)), cancellationToken);
            }

            var structured = log.Select(l => new Dictionary<string, string?> { ["dt"] = l.Dt, ["lvl"] = l.Lvl, ["msg"] = l.Msg }).ToList();
            artifacts["lava_logs"] = await PutAsync(folder, "lava-logs.yaml", Encoding.UTF8.GetBytes(Yaml.Serialize(structured)), cancellationToken);
        }

        // The token is the lab's secret: it never reaches storage, which anyone can read.
        var published = body.DeepClone().AsObject();
        published.Remove("token");
        var json = JsonSerializer.SerializeToUtf8Bytes(published, new JsonSerializerOptions { WriteIndented = true });
        artifacts["callback_data"] = await PutAsync(folder, "lava_callback.json.gz", Gzip(json), cancellationToken);
        return artifacts;
    }

    private async Task<string> PutAsync(string folder, string name, byte[] content, CancellationToken cancellationToken)
    {
        await retry.RunAsync($"upload {folder}/{name}", ct => storage.UploadAsync(folder, name, () => new MemoryStream(content, writable: false), ct),
            cancellationToken);
        return urls.For(folder + "/" + name);
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
