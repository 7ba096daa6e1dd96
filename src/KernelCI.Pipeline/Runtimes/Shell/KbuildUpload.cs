using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Pipeline.Runtimes.Shell;

/// <summary>Uploads a build's outputs to `<job>-<nodeid>/` with upstream's key names (kernel, modules, build_log,
/// _config, metadata) and returns them as node artifacts; build.log goes up gzipped, metadata.json last.</summary>
internal static class KbuildUpload
{
    public static async Task<Dictionary<string, string>> UploadAsync(RuntimeContext context, string storagePath, KbuildPlan plan,
        KbuildOutcome outcome, string artifacts, string log, CancellationToken cancellationToken)
    {
        var gzipped = log + ".gz";
        await using (var input = File.OpenRead(log))
        await using (var output = new GZipStream(File.Create(gzipped), CompressionLevel.Optimal))
        {
            await input.CopyToAsync(output, cancellationToken);
        }

        var files = new List<(string Key, string File)> { ("build_log", gzipped) };
        var image = Path.Combine(artifacts, plan.Image);
        if (File.Exists(image))
        {
            files.Add(("kernel", image));
        }

        foreach (var (key, name) in new[] { ("_config", ".config"), ("modules", "modules.tar.xz") })
        {
            if (File.Exists(Path.Combine(artifacts, name)))
            {
                files.Add((key, Path.Combine(artifacts, name)));
            }
        }

        var urls = files.ToDictionary(f => f.Key, f => context.Urls.For($"{storagePath}/{Path.GetFileName(f.File)}"));
        var metadata = Path.Combine(artifacts, "metadata.json");
        await File.WriteAllTextAsync(metadata, Metadata(plan, outcome, files, urls).ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken);
        await context.Storage.UploadFilesAsync(storagePath, files.Select(f => f.File).ToList(), cancellationToken);
        await context.Storage.UploadFilesAsync(storagePath, [metadata], cancellationToken);
        urls["metadata"] = context.Urls.For($"{storagePath}/metadata.json");
        return urls;
    }

    private static JsonObject Metadata(KbuildPlan plan, KbuildOutcome outcome, List<(string Key, string File)> files, Dictionary<string, string> urls) => new()
    {
        ["build"] = new JsonObject
        {
            ["arch"] = plan.Arch,
            ["compiler"] = plan.Compiler,
            ["defconfig"] = string.Join('+', plan.Defconfigs),
            ["fragments"] = new JsonArray(plan.Fragments.Select(f => (JsonNode)f).ToArray()),
            ["config_full"] = plan.ConfigFull,
            ["backend"] = "make",
            ["result"] = outcome.Result,
        },
        ["artifacts"] = new JsonObject(files.Select(f => KeyValuePair.Create(Path.GetFileName(f.File), (JsonNode?)urls[f.Key]))),
    };
}
