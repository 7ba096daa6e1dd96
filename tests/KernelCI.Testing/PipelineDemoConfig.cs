namespace KernelCI.Testing;

/// <summary>The demo's pipeline configuration (config/pipeline) plus a trees.yaml naming the test's tree, and the
/// JSON settings that make the services react in seconds rather than minutes.</summary>
public static class PipelineDemoConfig
{
    public static string WriteDirectory(string root, string treeUrl, string directoryName = "pipeline-config")
    {
        var directory = Path.Combine(root, directoryName);
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "config", "pipeline"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(directory, "trees.yaml"), $"""
            trees:
              local:
                url: "{treeUrl}"

            build_configs:
              local-main:
                tree: local
                branch: main
            """);
        return directory;
    }

    /// <summary>Cuts the demo's scheduler in <paramref name="directory"/> down to the x86 kbuild and its QEMU boot job:
    /// what a benchmark of one real kernel times (the smoke job would also fail on a panic and queue a second
    /// bisection of the same commits).</summary>
    public static void WriteKbuildAndBootOnly(string directory) =>
        File.WriteAllText(Path.Combine(directory, "scheduler.yaml"), """
            scheduler:
              - job: kbuild-gcc-x86
                event: {channel: node, kind: checkout, state: available}
                runtime: {name: local-shell}
              - job: baseline-x86
                event: {channel: node, kind: kbuild, name: kbuild-gcc-x86, state: available, result: pass}
                runtime: {name: qemu-lab}
                platforms: [qemu-x86_64]
            """);

    public static string WriteSettings(string root, string fileName = "settings.json")
    {
        var file = Path.Combine(root, fileName);
        File.WriteAllText(file, """
            {
              "Pipeline": {
                "Trigger": { "PollPeriod": "00:00:03" },
                "Timeout": { "Period": "00:00:05" },
                "Bridge": { "SweepInterval": "00:00:05" }
              }
            }
            """);
        return file;
    }
}
