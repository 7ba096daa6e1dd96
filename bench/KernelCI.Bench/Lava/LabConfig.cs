namespace KernelCI.Bench.Lava;

/// <summary>The pipeline configuration directories of the LAVA benchmark (upstream's YAML, docs/labs.md).</summary>
internal static class LabConfig
{
    /// <summary>Only the lab's entry: callbacks are accepted, nothing is scheduled.</summary>
    public static string WriteCallbackOnly(string root) => Write(root, $"""
        runtimes:
          {LavaDeployment.Lab}:
            lab_type: lava
        """);

    /// <summary>The lab at <paramref name="url"/> and a baseline boot of every passing kbuild on each of
    /// <paramref name="platforms"/> (platform name, LAVA device type), with the lab's busybox initramfs
    /// <paramref name="ramdisk"/> and the worker's own QEMU.</summary>
    public static string WriteLab(string root, Uri url, string callbackTokenDescription, IReadOnlyList<(string Name, string DeviceType)> platforms,
        string ramdisk)
    {
        var yaml = new System.Text.StringBuilder($"""
            runtimes:
              {LavaDeployment.Lab}:
                lab_type: lava
                url: "{url}"
                notify:
                  callback:
                    token: {callbackTokenDescription}

            jobs:
              baseline-lava:
                template: baseline.jinja2
                kind: job
                kcidb_test_suite: boot
                params:
                  test_method: baseline
                  job_timeout: 5

            platforms:

            """);
        foreach (var (name, deviceType) in platforms)
        {
            yaml.Append($"""
                  {name}:
                    base_name: {deviceType}
                    arch: x86_64
                    boot_method: qemu
                    mach: qemu
                    context:
                      arch: x86_64
                      no_kvm: true
                    params:
                      qemu_docker: "false"
                      ramdisk: "{ramdisk}"

                """);
        }

        yaml.Append($"""
            scheduler:
              - job: baseline-lava
                event:
                  channel: node
                  kind: kbuild
                  name: kbuild-gcc-x86
                  state: available
                  result: pass
                runtime:
                  name: {LavaDeployment.Lab}
                platforms:

            """);
        foreach (var (name, _) in platforms)
        {
            yaml.Append($"      - {name}\n");
        }

        return Write(root, yaml.ToString());
    }

    private static string Write(string root, string yaml)
    {
        var directory = Path.Combine(root, "pipeline-config");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "lava.yaml"), yaml + "\n");
        return directory;
    }
}
