using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KernelCI.Pipeline.Runtimes.Qemu;

/// <summary>What a QEMU job runs once the guest reached its shell, from the job's params (docs/pipeline/runtimes.md):
/// `test_method: baseline` boots only; `test_method: commands` runs `tests: [{name, run, format}]` in one suite
/// (params `suite`, default the job name), each test a shell snippet whose exit status is its result, or with
/// `format: ktap` a script whose KTAP output gives the results of a test set named after it.</summary>
internal sealed partial record TestDefinition(string Method, string Suite, IReadOnlyList<TestCommand> Tests, string ExtraKernelArgs)
{
    public static TestDefinition From(JsonObject parameters, string jobName)
    {
        var method = JobParams.String(parameters, "test_method") ?? "baseline";
        var suite = JobParams.String(parameters, "suite") ?? jobName;
        var extra = JobParams.String(parameters, "extra_kernel_args") ?? "";
        if (!SafeName().IsMatch(suite))
        {
            throw new InvalidJobParamsException($"params.suite: '{suite}' may only hold letters, digits, '.', '_' and '-'");
        }

        switch (method)
        {
            case "baseline":
                return new TestDefinition(method, suite, [], extra);
            case "commands":
                break;
            default:
                throw new InvalidJobParamsException($"params.test_method: '{method}' is not supported by the qemu lab (baseline, commands)");
        }

        if (parameters["tests"] is not JsonArray { Count: > 0 } tests)
        {
            throw new InvalidJobParamsException("params.tests: test_method commands needs a non-empty list of {name, run}");
        }

        var commands = new List<TestCommand>();
        for (var i = 0; i < tests.Count; i++)
        {
            if (tests[i] is not JsonObject test || JobParams.String(test, "name") is not { } name || JobParams.String(test, "run") is not { } run)
            {
                throw new InvalidJobParamsException($"params.tests[{i}]: needs 'name' and 'run'");
            }

            if (!SafeName().IsMatch(name))
            {
                throw new InvalidJobParamsException($"params.tests[{i}].name: '{name}' may only hold letters, digits, '.', '_' and '-'");
            }

            var format = JobParams.String(test, "format") ?? "exit-code";
            if (format is not ("exit-code" or "ktap"))
            {
                throw new InvalidJobParamsException($"params.tests[{i}].format: '{format}' is not exit-code or ktap");
            }

            commands.Add(new TestCommand(name, run, format == "ktap"));
        }

        return new TestDefinition(method, suite, commands, extra);
    }

    [GeneratedRegex(@"^[A-Za-z0-9._-]+$")]
    private static partial Regex SafeName();
}
