namespace KernelCI.Pipeline.Tests.Config;

/// <summary>A scratch configuration directory of YAML files, deleted on dispose.</summary>
internal sealed class ConfigDirectory : IDisposable
{
    public ConfigDirectory(params (string Name, string Yaml)[] files)
    {
        Path = Directory.CreateTempSubdirectory("kernelci-config-").FullName;
        foreach (var (name, yaml) in files)
        {
            Write(name, yaml);
        }
    }

    public string Path { get; }

    public void Write(string name, string yaml)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, yaml);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
