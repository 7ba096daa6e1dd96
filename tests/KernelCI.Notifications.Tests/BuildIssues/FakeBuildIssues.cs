using KernelCI.Notifications.BuildIssues;

namespace KernelCI.Notifications.Tests.BuildIssues;

/// <summary>The issues the dashboard would list: every read gives them all (the window is the reader's business).</summary>
internal sealed class FakeBuildIssues : IBuildIssueSource
{
    public List<BuildIssue> Issues { get; } = [];

    public List<DateTimeOffset> Windows { get; } = [];

    public static BuildIssue Issue(string tree = "mainline", string id = "maestro:known_arm64_undefined_foo") =>
        new(id, 2, "maestro", "arm64 build breaks", "arm64: undefined reference to `foo_init'", "https://lore.kernel.org/all/20261201.foo@example.org/",
            ["code"],
            [new IssueBuild("maestro:675a1b2c3d4e5f6a7b8c9d10", tree, "master", "defconfig", "arm64", "gcc-12", "FAIL",
                 "https://storage.kernelci.test/maestro/kbuild-1/build.log.gz"),
             new IssueBuild("maestro:675a1b2c3d4e5f6a7b8c9d11", tree, "master", "allmodconfig", "arm64", "clang-17", "FAIL", null)]);

    public Task<IReadOnlyList<BuildIssue>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        Windows.Add(since);
        return Task.FromResult<IReadOnlyList<BuildIssue>>([.. Issues]);
    }
}
