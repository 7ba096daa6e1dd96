using System.Security.Cryptography;
using System.Text;

namespace KernelCI.Kcidb.Regressions;

/// <summary>What makes results comparable across commits (docs/regressions.md, "Series"): the origin that ran them, the
/// tree and branch, whether a build or a test, the test path, and the build's configuration, architecture and compiler
/// and the test's platform. Upstream's regression tracker compared the same fields
/// (kernelci-pipeline:src/regression_tracker.py, maestro-pipeline.md §6); the origin is ours, since every origin in
/// KCIDB is tracked and two CI systems running one test are two series.</summary>
public sealed record SeriesKey(string Origin, string Tree, string Branch, string Kind, string Path, string Config,
    string Architecture, string Compiler, string Platform)
{
    /// <summary>One text per series, the fields joined by a separator that no field holds.</summary>
    public string Text => string.Join('\u001f', Origin, Tree, Branch, Kind, Path, Config, Architecture, Compiler, Platform);

    /// <summary>A regression's id: 24 hex digits (the shape of a Maestro node id) from the series and its first bad
    /// commit, so recomputing a series finds the same regressions again.</summary>
    public string RegressionId(string firstBadCommit)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Text + '\u001e' + firstBadCommit));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
