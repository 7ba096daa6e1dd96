using KernelCI.Client.Kcidb.Regressions;

namespace KernelCI.Notifications.Tests;

/// <summary>Regressions as KCIDB's feed gives them.</summary>
internal static class Regressions
{
    public const string Good = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    public const string Bad = "8f1c3b2d4e5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c";
    public const string Fix = "c0ffee00112233445566778899aabbccddeeff00";

    public static KcidbRegression Open(string id = "5f2a9c0b7d1e4a6b8c3d2e1f", string tree = "mainline", string path = "baseline.login",
        string platform = "qemu-x86") =>
        new(id, "open", "maestro", tree, "master", "test", path, "x86_64_defconfig", "x86_64", "gcc-12", platform,
            Good, "maestro:test-good", Bad, "maestro:test-bad", null, ["maestro:test-bad"], false, null);

    public static KcidbRegression WithCulprit(KcidbRegression r) =>
        r with { Culprit = new KcidbCulprit(Bad, "init: fail early when the console is missing", "Jane Developer <jane@example.org>", "maestro:bisect_x", "675a1b2c3d4e5f6a7b8c9d0e") };

    public static KcidbRegression Fixed(KcidbRegression r) => r with { State = "fixed", FixedByCommit = Fix };
}
