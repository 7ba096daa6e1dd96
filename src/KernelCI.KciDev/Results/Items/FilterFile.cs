using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KernelCI.KciDev.Cli;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace KernelCI.KciDev.Results.Items;

/// <summary>`--filter FILE.yaml`: lists of names under `hardware`, `test` and `tree`, `*` matching anything; an item
/// passes when each list given has a name matching it (kernelci/kci-dev:kcidev/subcommands/results/parser.py
/// `parse_filter_file`, kcidev/libs/job_filters.py). Tests and boots only.</summary>
internal sealed record FilterFile(Regex? Hardware, Regex? Test, Regex? Tree)
{
    public static FilterFile Load(string path, string workingDirectory)
    {
        var full = Path.GetFullPath(path, workingDirectory);
        if (!File.Exists(full))
        {
            throw new CliException($"--filter {path}: no such file");
        }

        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(full);
            yaml.Load(reader);
        }
        catch (YamlException e)
        {
            throw new CliException($"--filter {path}: not valid YAML ({e.Start.Line}:{e.Start.Column}: {e.Message})");
        }

        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is YamlScalarNode)
        {
            return new FilterFile(null, null, null);
        }

        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CliException($"--filter {path}: expected a mapping with hardware, test or tree lists");
        }

        return new FilterFile(List(root, "hardware", path), List(root, "test", path), List(root, "tree", path));
    }

    public bool Matches(JsonObject test) =>
        (Hardware is null || (ItemFields.Platform(test) is { } platform && Hardware.IsMatch(platform)) || ItemFields.Compatibles(test).Any(Hardware.IsMatch))
        && (Test is null || Test.IsMatch(ItemFields.Text(test, "path") ?? ""))
        && (Tree is null || Tree.IsMatch(ItemFields.Text(test, "tree_name") ?? ""));

    private static Regex? List(YamlMappingNode root, string key, string path)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return null;
        }

        var names = node switch
        {
            YamlSequenceNode sequence => sequence.Children.Select(c => (c as YamlScalarNode)?.Value
                ?? throw new CliException($"--filter {path}: `{key}` must be a list of names")).ToList(),
            YamlScalarNode scalar when scalar.Value is { } one => [one],
            _ => throw new CliException($"--filter {path}: `{key}` must be a list of names"),
        };

        // Upstream joins the names into ^(a|b)$ with `.` literal and `*` as `.*`; we escape every other character too.
        var alternatives = names.Select(n => string.Join(".*", n.Split('*').Select(Regex.Escape)));
        return new Regex("^(" + string.Join('|', alternatives) + ")$", RegexOptions.CultureInvariant);
    }
}
