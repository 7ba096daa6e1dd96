using System.CommandLine;
using KernelCI.KciDev.Cli;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Completion;

/// <summary>Shell completion: System.CommandLine's `[suggest:POSITION]` directive answers, and the script
/// `kci-dev completion bash|zsh|fish` prints gets its words from it, each run by its own shell.</summary>
public sealed class CompletionTests : IDisposable
{
    private readonly KciDevHarness _kciDev = new();

    [Fact]
    public async Task Res_completes_to_results()
    {
        var result = await _kciDev.RunAsync("[suggest:11]", "kci-dev res");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("results\n", result.Output);
    }

    [Fact]
    public async Task Results_bu_completes_to_the_results_subcommands_starting_with_bu()
    {
        var result = await _kciDev.RunAsync("[suggest:18]", "kci-dev results bu");

        var words = Lines(result.Output);
        var expected = Subcommands("results").Where(n => n.StartsWith("bu", StringComparison.Ordinal));
        Assert.All(expected, name => Assert.Contains(name, words));
        Assert.All(words, word => Assert.Contains("bu", word));
    }

    [Fact]
    public async Task Results_tr_completes_to_trees()
    {
        var result = await _kciDev.RunAsync("[suggest:18]", "kci-dev results tr");

        Assert.Contains("trees", Lines(result.Output));
    }

    [Fact]
    public async Task Option_prefix_completes_to_the_commands_options()
    {
        var result = await _kciDev.RunAsync("[suggest:29]", "kci-dev maestro results --nod");

        Assert.Equal(["--nodeid", "--nodes"], Lines(result.Output));
    }

    [Theory]
    [InlineData("kci-dev res", new[] { "results" })]
    [InlineData("kci-dev maestro va", new[] { "validate" })]
    [InlineData("kci-dev completion z", new[] { "zsh" })]
    public async Task Bash_script_completes_through_the_program(string line, string[] expected)
    {
        // Given the printed script sourced by a real bash, with this build's kci-dev on PATH
        var script = (await _kciDev.RunAsync("completion", "bash")).Output;
        var path = Path.Combine(_kciDev.WorkingDirectory, "kci-dev.bash");
        File.WriteAllText(path, script);
        var words = line.Split(' ');

        // When bash asks for the completions of the line
        var result = await ProcessRun.RunAsync("bash", ["-c", $$"""
            source {{path}}
            COMP_LINE='{{line}}'; COMP_POINT={{line.Length}}; COMP_WORDS=({{line}}); COMP_CWORD={{words.Length - 1}}
            _kci_dev_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """], TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["PATH"] = AppContext.BaseDirectory + ":" + Environment.GetEnvironmentVariable("PATH") });

        // Then the words are the program's own
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, Lines(result.Output));
    }

    [Theory]
    [InlineData("kci-dev res", new[] { "results" })]
    [InlineData("kci-dev maestro va", new[] { "validate" })]
    public async Task Fish_script_completes_through_the_program(string line, string[] expected)
    {
        // Given the printed script sourced by a real fish, with this build's kci-dev on PATH
        var path = await WriteScriptAsync("fish");

        // When fish completes the line as it would on Tab
        var result = await ProcessRun.RunAsync("fish", ["-c", $"source {path}; complete -C '{line}'"], TimeSpan.FromMinutes(1), WithKciDevOnPath());

        // Then the words are the program's own
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, Lines(result.Output));
    }

    [Theory]
    [InlineData("kci-dev res", new[] { "results" })]
    [InlineData("kci-dev maestro va", new[] { "validate" })]
    public async Task Zsh_script_completes_through_the_program(string line, string[] expected)
    {
        // Given the printed script sourced by a real zsh, with this build's kci-dev on PATH; outside an interactive
        // shell's completion system compadd is replaced by one that prints what it is given
        var path = await WriteScriptAsync("zsh");
        var words = line.Split(' ');

        // When the completion function runs on the line's words
        var result = await ProcessRun.RunAsync("zsh", ["-c", $$"""
            source {{path}}
            compadd() { [[ $1 == -- ]] && shift; print -l -- "$@" }
            words=({{line}}); CURRENT={{words.Length}}
            _kci_dev
            """], TimeSpan.FromMinutes(1), WithKciDevOnPath());

        // Then the words are the program's own
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(expected, Lines(result.Output));
    }

    private async Task<string> WriteScriptAsync(string shell)
    {
        var path = Path.Combine(_kciDev.WorkingDirectory, "kci-dev." + shell);
        File.WriteAllText(path, (await _kciDev.RunAsync("completion", shell)).Output);
        return path;
    }

    private static Dictionary<string, string> WithKciDevOnPath() =>
        new() { ["PATH"] = AppContext.BaseDirectory + ":" + Environment.GetEnvironmentVariable("PATH") };

    [Theory]
    [InlineData("zsh")]
    [InlineData("fish")]
    public async Task Other_shells_ask_the_suggest_directive(string shell)
    {
        var result = await _kciDev.RunAsync("completion", shell);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"[suggest:", result.Output);
    }

    [Fact]
    public async Task Unknown_shell_is_one_line()
    {
        var result = await _kciDev.RunAsync("completion", "tcsh");

        Assert.Equal("kci-dev: completion tcsh: unknown shell (bash, zsh or fish)\n", result.Error);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<string> Subcommands(string name)
    {
        var context = new CliContext(new KciConsole(TextWriter.Null, TextWriter.Null, false), _ => null, "/", "/", "/", () => new HttpClientHandler(), TimeProvider.System);
        return KciDevCommand.Create(context).Subcommands.Single(c => c.Name == name).Subcommands.Select(c => c.Name);
    }

    public void Dispose() => _kciDev.Dispose();
}
