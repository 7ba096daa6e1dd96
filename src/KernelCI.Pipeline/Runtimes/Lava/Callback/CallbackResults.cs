namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>Turns a callback into its job node's outcome, as upstream's callback handler does
/// (kernelci/kernelci-core:kernelci/runtime/lava.py `Callback`, kernelci/kernelci-pipeline:src/lava_callback.py;
/// docs/labs.md, the callback):
/// the `lava` suite becomes `setup` with `login` (pass if any login attempt passed: boots are retried) and `kernelmsg`
/// (fail if any check failed); every other suite a job named without its `N_` prefix, its cases nested by test set.</summary>
internal static class CallbackResults
{
    private const string LavaSuite = "lava";

    // The suite of LAVA's `artifact-upload:NAME:URL` cases: artifacts, not results (upstream pops it).
    private const string UploadSuite = "upload";

    public static CallbackOutcome Convert(LavaCallback callback, string jobName)
    {
        // Upstream: complete → pass, incomplete/canceled/canceling → incomplete; a callback without its log is incomplete.
        var result = callback.Status == LavaCallback.Complete && callback.Log is not null ? "pass" : "incomplete";
        var lava = callback.Suites.FirstOrDefault(s => s.Name == LavaSuite)?.Cases ?? [];
        var stages = StageResults(lava);
        var children = new List<CallbackNode>();
        var uploads = new Dictionary<string, string>();
        foreach (var suite in callback.Suites)
        {
            if (suite.Name == LavaSuite)
            {
                if (Setup(suite.Cases) is { } setup)
                {
                    children.Add(setup);
                }

                continue;
            }

            var name = SuiteName(suite.Name);
            if (name == UploadSuite)
            {
                CollectUploads(suite.Cases, uploads);
                continue;
            }

            children.Add(Suite(name, suite.Cases, stages));
        }

        string? code = null, message = null;
        if (result == "incomplete")
        {
            // The `job` stage's metadata says why LAVA gave up; without it upstream assumes the infrastructure.
            var job = lava.LastOrDefault(c => c.Name == "job");
            code = job?.ErrorType ?? "Infrastructure";
            message = job?.ErrorMessage ?? (job?.ErrorType is null ? "Unknown infrastructure error" : null);
            // A boot job whose own login failed (not the lab) failed the boot.
            if (code != "Infrastructure" && jobName.Contains("baseline", StringComparison.Ordinal) && SetupFailed(children))
            {
                result = "fail";
            }
        }
        else if (SetupFailed(children))
        {
            result = "incomplete";
        }
        else if (children.Any(c => c.Result == "fail"))
        {
            result = "fail";
        }

        return new CallbackOutcome(result, code, message, children, uploads);
    }

    /// <summary>`0_smoke` → `smoke`: LAVA numbers suites by their definition's index.</summary>
    public static string SuiteName(string lavaName)
    {
        var underscore = lavaName.IndexOf('_', StringComparison.Ordinal);
        return underscore > 0 && lavaName[..underscore].All(char.IsAsciiDigit) ? lavaName[(underscore + 1)..] : lavaName;
    }

    /// <summary>LAVA's results are pass, fail, skip and unknown; Maestro has no `unknown` (nor anything else LAVA
    /// might add), so those become skip: the case ran without a verdict.</summary>
    public static string CaseResult(string lava) => lava is "pass" or "fail" or "skip" ? lava : "skip";

    private static bool SetupFailed(List<CallbackNode> children) => children.Any(c => c is { Name: "setup", Result: "fail" });

    private static CallbackNode? Setup(IReadOnlyList<LavaCase> cases)
    {
        var setup = new List<CallbackNode>();
        var logins = cases.Where(c => c.Name is "login-action" or "auto-login-action").ToList();
        if (logins.Count > 0)
        {
            setup.Add(CallbackNode.Test("login", logins.Any(c => c.Result == "pass") ? "pass" : "fail"));
        }

        var kernelMessages = cases.Where(c => c.Name == "kernel-messages").ToList();
        if (kernelMessages.Count > 0)
        {
            setup.Add(CallbackNode.Test("kernelmsg", kernelMessages.Any(c => c.Result == "fail") ? "fail" : "pass"));
        }

        return setup.Count == 0 ? null : new CallbackNode("setup", "job", GroupResult(null, setup), setup);
    }

    private static CallbackNode Suite(string name, IReadOnlyList<LavaCase> cases, IReadOnlyDictionary<string, string> stages)
    {
        // Cases in their set; a name seen twice keeps its first result, as upstream's reversed walk does.
        var top = new List<(string Name, string? Result, List<(string Name, string Result)>? Set)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var setIndex = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            if (c.Set is { Length: > 0 } set)
            {
                if (!index.TryGetValue("\0set:" + set, out var at))
                {
                    at = top.Count;
                    index["\0set:" + set] = at;
                    top.Add((set, null, []));
                    setIndex[set] = [];
                }

                if (setIndex[set].Add(c.Name))
                {
                    top[at].Set!.Add((c.Name, CaseResult(c.Result)));
                }
            }
            else if (index.TryAdd(c.Name, top.Count))
            {
                top.Add((c.Name, CaseResult(c.Result), null));
            }
        }

        var children = top.Select(t => t.Set is null ? CallbackNode.Test(t.Name, t.Result!)
            : Group(t.Name, t.Set.Select(s => CallbackNode.Test(s.Name, s.Result)).ToList(), stages)).ToList();
        return Group(name, children, stages);
    }

    private static CallbackNode Group(string name, List<CallbackNode> children, IReadOnlyDictionary<string, string> stages) =>
        new(name, "job", GroupResult(stages.GetValueOrDefault(name), children), children);

    /// <summary>The stage's own result unless it is missing or pass (LAVA reports a stage passed even when its cases
    /// failed); then any fail → fail, else any pass → pass, else any skip → skip. An empty group passes, as upstream's
    /// evaluate_test_suite_result (kernelci/kernelci-core:kernelci/runtime/__init__.py).</summary>
    private static string? GroupResult(string? stage, IReadOnlyList<CallbackNode> children)
    {
        if (stage is not null and not "pass")
        {
            return CaseResult(stage);
        }

        var results = children.Select(c => c.Result).ToList();
        return results.Contains("fail") ? "fail"
            : results.Count == 0 || results.Contains("pass") ? "pass"
            : results.Contains("skip") ? "skip" : null;
    }

    // The `lava` suite lists one stage per test definition, named as its suite (`0_smoke`), with LAVA's result for it.
    private static Dictionary<string, string> StageResults(IReadOnlyList<LavaCase> lava)
    {
        var stages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stage in lava)
        {
            var underscore = stage.Name.IndexOf('_', StringComparison.Ordinal);
            if (underscore >= 0)
            {
                stages[stage.Name[(underscore + 1)..]] = stage.Result;
            }
        }

        return stages;
    }

    private static void CollectUploads(IReadOnlyList<LavaCase> cases, Dictionary<string, string> uploads)
    {
        foreach (var c in cases.Where(c => c.Result == "pass" && c.Name.StartsWith("artifact-upload:", StringComparison.Ordinal)))
        {
            var parts = c.Name.Split(':', 3);
            if (parts.Length == 3 && parts[1].Length > 0 && parts[2].Length > 0)
            {
                uploads[parts[1]] = parts[2];
            }
        }
    }
}
