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
