using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Tarball;
using KernelCI.Pipeline.Tests.Stack;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tests.Services.Tarball;

internal static class TarballFixture
{
    public const string Makefile = "VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 0\nNAME = Curry Ramen\n";

    public static TarballService Service(PipelineTestStack stack, PipelineConfig? config = null) =>
        stack.Services(config ?? new PipelineConfig(), TarballRegistration.Add).GetRequiredService<TarballService>();

    /// <summary>A configuration with one tree, as trees.yaml names the demo's local tree.</summary>
    public static PipelineConfig TreeConfig(string tree, string url) =>
        new() { Trees = new Dictionary<string, TreeConfig> { [tree] = new(tree, url) } };

    /// <summary>Creates a running checkout as the trigger does and hands its creation event to the service. The tree is
    /// configured at <paramref name="url"/> unless <paramref name="configured"/> is false (a developer's or another
    /// account's node).</summary>
    public static async Task<MaestroNode> CheckOutAsync(PipelineTestStack stack, string url, string commit, string tree = "local", string branch = "main",
        bool configured = true, PipelineConfig? config = null)
    {
        var node = await stack.Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "checkout",
            Name = "checkout",
            Path = ["checkout"],
            Data = new JsonObject { ["kernel_revision"] = new JsonObject { ["tree"] = tree, ["url"] = url, ["branch"] = branch, ["commit"] = commit } },
        });
        var data = new JsonObject { ["op"] = "created", ["id"] = node.Id, ["kind"] = "checkout", ["name"] = "checkout", ["state"] = "running" };
        await Service(stack, config ?? (configured ? TreeConfig(tree, url) : new PipelineConfig()))
            .HandleAsync(new MaestroEvent(1, "node", "pipeline", data, "{}"), TestContext.Current.CancellationToken);
        return (await stack.Maestro.GetNodeAsync(node.Id!))!;
    }

    public static async Task<byte[]> DownloadTarAsync(PipelineTestStack stack, string url)
    {
        var path = new PublicUrls(stack.Options.StorageUrl!).PathOf(url)!;
        using var gz = new MemoryStream();
        await stack.Storage.DownloadAsync(path, gz);
        gz.Position = 0;
        using var tar = new MemoryStream();
        await using (var gzip = new GZipStream(gz, CompressionMode.Decompress))
        {
            await gzip.CopyToAsync(tar);
        }

        return tar.ToArray();
    }

    /// <summary>What a tarball holds, whoever wrote it: paths, types, contents, link targets and executable bits, without
    /// git's pax header, owners or permission bits other than execute.</summary>
    public static List<TarballEntry> Entries(byte[] tar) =>
    [
        .. TarEntries(tar).Select(e => new TarballEntry(e.Name.TrimEnd('/'), e.EntryType is TarEntryType.V7RegularFile ? TarEntryType.RegularFile : e.EntryType,
                e.DataStream is null ? "" : Encoding.UTF8.GetString(((MemoryStream)e.DataStream).ToArray()), e.LinkName,
                e.EntryType is not TarEntryType.Directory and not TarEntryType.SymbolicLink && e.Mode.HasFlag(UnixFileMode.UserExecute)))
            .OrderBy(e => e.Name, StringComparer.Ordinal),
    ];

    public static List<TarEntry> TarEntries(byte[] tar)
    {
        var entries = new List<TarEntry>();
        using var reader = new TarReader(new MemoryStream(tar));
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            if (entry.EntryType is not TarEntryType.GlobalExtendedAttributes)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    public static JsonObject Revision(MaestroNode node) => node.Data["kernel_revision"]!.AsObject();
}
