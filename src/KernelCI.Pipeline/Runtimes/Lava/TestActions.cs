using System.Text.Json.Nodes;
using KernelCI.Pipeline.Runtimes.Lava.Definition;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>The test action for a job's test_method, with the facts of kernelci-core's test templates
/// (kernelci/kernelci-core:config/runtime/tests/{baseline,kselftest,ltp}.jinja2), and `commands`, our own definitions
/// as the QEMU lab runs them (docs/pipeline/runtimes.md, Test definitions).</summary>
internal static class TestActions
{
    private const string LinaroTests = "https://github.com/linaro/test-definitions.git";

    public static IReadOnlyList<string> Methods => ["baseline", "kselftest", "ltp", "commands"];

    public static LavaAction For(LavaJobInputs inputs, int testTimeout)
    {
        var method = inputs.Param("test_method") ?? "baseline";
        return method switch
        {
            "baseline" => Baseline(inputs),
            "kselftest" => Kselftest(inputs, testTimeout),
            "ltp" => Ltp(inputs, testTimeout),
            "commands" => Commands(inputs, testTimeout),
            _ => throw new InvalidJobParamsException(
                $"job '{inputs.Request.Job.Name}': test_method '{method}' is not one of {string.Join(", ", Methods)}"),
        };
    }

    // A pure boot check since kernelci-pipeline 3021046; `lava-signal: kmsg` keeps the signals off the console.
    private static LavaAction Baseline(LavaJobInputs inputs) => new(Test: new LavaTest(
        LavaTimeout.OfMinutes(inputs.JobTimeoutMinutes ?? 1),
        [
            new LavaTestDefinition("inline", "dmesg", "inline/dmesg.yaml", Inline("baseline", "baseline test plan", ["echo 'Hello World!'"]))
            {
                LavaSignal = "kmsg",
            },
        ]));

    private static LavaAction Kselftest(LavaJobInputs inputs, int testTimeout)
    {
        var tarball = inputs.OptionalArtifact("kselftest_tar_xz") ?? inputs.Artifact("kselftest_tar_gz");
        return new(Test: new LavaTest(LavaTimeout.OfMinutes(testTimeout),
        [
            new LavaTestDefinition("inline", "timesync-off", "inline/timesync-off.yaml",
                Inline("timesync-off", "Disable systemd time sync services", ["systemctl stop systemd-timesyncd || true"])),
            Git(inputs, "automated/linux/kselftest/kselftest.yaml", new Dictionary<string, object>
            {
                ["TESTPROG_URL"] = tarball,
                ["SKIPFILE"] = inputs.Param("skipfile") ?? "/dev/null",
                ["TST_CMDFILES"] = inputs.Param("collections") ?? "",
                ["TST_CASENAME"] = inputs.Param("tests") ?? "",
                ["SKIP_INSTALL"] = true,
                ["ENV"] = inputs.Param("env") ?? "",
            }),
        ]));
    }

    private static LavaAction Ltp(LavaJobInputs inputs, int testTimeout) => new(Test: new LavaTest(LavaTimeout.OfMinutes(testTimeout),
    [
        Git(inputs, "automated/linux/ltp/ltp.yaml", new Dictionary<string, object>
        {
            ["TST_CMDFILES"] = inputs.Param("tst_cmdfiles") ?? "",
            ["SHARD_NUMBER"] = int.TryParse(inputs.Param("shard_number"), out var number) ? number : 1,
            ["SHARD_INDEX"] = int.TryParse(inputs.Param("shard_index"), out var index) ? index : 1,
            ["SKIP_INSTALL"] = inputs.Param("skip_install") ?? "",
            ["SKIPFILE"] = inputs.Param("skipfile") ?? "",
            ["RUNNER"] = "/opt/kirk/kirk",
            ["KIRK_WORKERS"] = inputs.Param("workers") ?? "1",
            ["EXTRA_KIRK_ARGS"] = inputs.Param("extra_kirk_args") ?? "",
        }),
    ]));

    /// <summary>`tests: [{name, run}]`: each a LAVA test case from its exit code, in one suite named `suite`
    /// (default: the job's name), as the QEMU lab runs them.</summary>
    private static LavaAction Commands(LavaJobInputs inputs, int testTimeout)
    {
        if (inputs.Node("tests") is not JsonArray { Count: > 0 } tests)
        {
            throw new InvalidJobParamsException($"job '{inputs.Request.Job.Name}': test_method commands needs params.tests");
        }

        var steps = new List<string>();
        foreach (var test in tests)
        {
            var name = test?["name"]?.ToString();
            var run = test?["run"]?.ToString();
            if (name is null || run is null || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                throw new InvalidJobParamsException($"job '{inputs.Request.Job.Name}': each of params.tests needs a name (letters, digits, . _ -) and run");
            }

            // The snippet runs in its own shell so that its `exit` ends only this case. lava-test-case runs
            // `eval "$*"` (lava-dispatcher's lava_test_shell/lava-test-case), which joins its words and splits them
            // again: the whole `sh -c '<run>'` goes in as one word, or `sh -c test -e X` would run a bare `test`.
            steps.Add($"lava-test-case {name} --shell {ShellQuote("sh -c " + ShellQuote(run))}");
        }

        var suite = inputs.Param("suite") ?? inputs.Request.Job.Name;
        return new(Test: new LavaTest(LavaTimeout.OfMinutes(testTimeout),
            [new LavaTestDefinition("inline", suite, $"inline/{suite}.yaml", Inline(suite, "kernelci commands", steps))]));
    }

    private static LavaTestDefinition Git(LavaJobInputs inputs, string path, Dictionary<string, object> parameters) =>
        new("git", inputs.Request.Node.Name ?? inputs.Request.Job.Name, path, LinaroTests) { Revision = "master", Parameters = parameters };

    private static LavaInlineRepository Inline(string name, string description, IReadOnlyList<string> steps) => new(
        new Dictionary<string, object>
        {
            ["format"] = "Lava-Test Test Definition 1.0",
            ["name"] = name,
            ["description"] = description,
            ["os"] = new[] { "debian" },
            ["scope"] = new[] { "functional" },
            ["environment"] = new[] { "lava-test-shell" },
        },
        new LavaRun(steps));

    private static string ShellQuote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
