namespace KernelCI.Bench.Infrastructure;

/// <summary>The pipeline's scheduler configuration in which the fake kbuild (runtime lab_type fake-kbuild) replaces
/// the real build of every new checkout, for the benchmarks that time orchestration rather than make.</summary>
internal static class FakeKbuildScheduler
{
    /// <summary>scheduler.yaml with the fake kbuild only; a benchmark that runs more jobs appends its own entries to
    /// the `scheduler:` list.</summary>
    public const string Yaml = """
        jobs:
          kbuild-fake:
            template: kbuild.jinja2
            kind: kbuild
            params:
              arch: x86_64
              compiler: gcc
              defconfig: tinyconfig

        runtimes:
          fake:
            lab_type: fake-kbuild

        scheduler:
          - job: kbuild-fake
            event:
              channel: node
              kind: checkout
              state: available
            runtime:
              name: fake

        """;
}
