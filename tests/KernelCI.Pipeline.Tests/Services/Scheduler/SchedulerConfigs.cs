namespace KernelCI.Pipeline.Tests.Services.Scheduler;

/// <summary>The scheduler tests' configuration: the end-to-end loop's shape, on fake runtimes.</summary>
internal static class SchedulerConfigs
{
    public const string Base = """
        trees: {local: {url: 'file:///srv/linux'}}
        build_configs: {local-main: {tree: local, branch: main}}
        fragments: {qemu-serial: {path: kernel/configs/qemu-serial.config, configs: [CONFIG_SERIAL_8250=y, CONFIG_SERIAL_8250_CONSOLE=y]}}
        rootfs: {buildroot-baseline: {ramdisk: 'http://images.local/buildroot/{brarch}/rootfs.cpio.gz'}}
        jobs:
          kbuild-gcc-x86: {template: kbuild.jinja2, kind: kbuild, image: 'kernelci/gcc', params: {arch: x86_64, compiler: gcc, defconfig: tinyconfig, fragments: [qemu-serial, CONFIG_PRINTK=y]}}
          baseline-x86: {template: baseline.jinja2, kind: job, kcidb_test_suite: boot, params: {test_method: baseline, job_timeout: 5, rootfs_ref: buildroot-baseline}}
          kselftest-x86: {template: generic.jinja2, kind: job, kcidb_test_suite: kselftest, params: {test_method: kselftest}, rules: {tree: [other]}}
        platforms:
          qemu-x86_64: {arch: x86_64, boot_method: qemu, mach: qemu, params: {console: ttyS0, job_timeout: 1}}
          qemu-x86_64-big: {arch: x86_64, boot_method: qemu, mach: qemu, base_name: qemu-x86_64}
        runtimes: {local-shell: {lab_type: fake}, qemu-lab: {lab_type: fake}}
        scheduler:
          - {job: kbuild-gcc-x86, event: {channel: node, kind: checkout, state: available}, runtime: {name: local-shell}}
          - job: baseline-x86
            event: {channel: node, kind: kbuild, name: kbuild-gcc-x86, state: available, result: pass}
            runtime: {name: qemu-lab}
            platforms: [qemu-x86_64, qemu-x86_64-big]
          - {job: kselftest-x86, event: {channel: node, kind: kbuild, name: kbuild-gcc-x86, state: available, result: pass}, runtime: {type: fake}}
        """;
}
