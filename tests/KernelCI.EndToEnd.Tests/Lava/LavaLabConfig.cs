using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests.Lava;

/// <summary>The pipeline configuration of the LAVA end-to-end run: the demo's kbuild on the shell runtime, then a
/// baseline and a smoke job on the real lab of scripts/lava.sh (device type `qemu`) instead of the QEMU runtime. The
/// lab's tokens are secrets named here, never in the YAML (docs/labs.md, "Connecting a LAVA lab").</summary>
internal static class LavaLabConfig
{
    public const string Runtime = "lava-e2e";

    public const string SubmitSecret = "lava-e2e-submit";

    public const string CallbackSecret = "lava-e2e-callback";

    public static IReadOnlyDictionary<string, string> Secrets(LavaLab lab) =>
        new Dictionary<string, string> { [SubmitSecret] = lab.RuntimeToken, [CallbackSecret] = lab.CallbackToken };

    /// <summary>Replaces the demo's scheduler (no job on the QEMU runtime) and adds the lab, its platform and rootfs.</summary>
    public static void Write(string directory, LavaLab lab)
    {
        File.WriteAllText(Path.Combine(directory, "scheduler.yaml"), """
            scheduler:
              - job: kbuild-gcc-x86
                event: {channel: node, kind: checkout, state: available}
                runtime: {name: local-shell}
              - job: baseline-lava
                event: {channel: node, kind: kbuild, name: kbuild-gcc-x86, state: available, result: pass}
                runtime: {name: lava-e2e}
                platforms: [qemu-lava]
              - job: smoke-lava
                event: {channel: node, kind: kbuild, name: kbuild-gcc-x86, state: available, result: pass}
                runtime: {name: lava-e2e}
                platforms: [qemu-lava]
            """);
        // The worker runs the lab's own QEMU (no docker) and reads the lab's busybox initramfs from its disk.
        File.WriteAllText(Path.Combine(directory, "lava-e2e.yaml"), $$"""
            runtimes:
              {{Runtime}}:
                lab_type: lava
                url: "{{lab.Url}}"
                runtime_token: {{SubmitSecret}}
                callback_token: {{CallbackSecret}}
                notify:
                  callback:
                    token: {{lab.CallbackTokenDescription}}

            platforms:
              qemu-lava:
                base_name: {{lab.DeviceType}}
                arch: x86_64
                boot_method: qemu
                mach: qemu
                context: {arch: x86_64}
                params: {qemu_docker: false}

            rootfs:
              lava-lab-busybox:
                rootfs_type: buildroot
                ramdisk: "file://{{lab.Rootfs}}"

            jobs:
              baseline-lava:
                template: baseline.jinja2
                kind: job
                kcidb_test_suite: boot
                params: {test_method: baseline, job_timeout: 5, rootfs_ref: lava-lab-busybox}
              smoke-lava:
                template: generic.jinja2
                kind: job
                kcidb_test_suite: smoke
                params:
                  test_method: commands
                  job_timeout: 5
                  rootfs_ref: lava-lab-busybox
                  tests:
                    - name: proc-mounted
                      run: test -e /proc/version
                    - name: uname-x86_64
                      run: uname -m | grep -qx x86_64
            """);
    }
}
