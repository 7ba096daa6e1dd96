using System.Diagnostics;
using System.Text;

namespace KernelCI.Pipeline.Git;

/// <summary>Runs the real `git` CLI as a child process. Arguments go through ArgumentList, so URLs, branch names and
/// commit messages are never parsed by a shell. Every process runs with GIT_ALLOW_PROTOCOL set to
/// <see cref="AllowedProtocols"/> (only `https` unless <see cref="WithProtocols"/> says otherwise, see
/// <see cref="GitUrlPolicy.ProtocolsFor"/>), so no URL, submodule or redirect can make it read a local repository.</summary>
public sealed class GitRunner(string executable = "git", string allowedProtocols = GitRunner.DefaultProtocols)
{
    public const string DefaultProtocols = "https";

    /// <summary>GIT_ALLOW_PROTOCOL of the processes this runner starts (colon-separated).</summary>
    public string AllowedProtocols { get; } = allowedProtocols;

    /// <summary>The same runner, its git processes allowed these transports (e.g. "https:file" for a configured
    /// `file://` tree).</summary>
    public GitRunner WithProtocols(string protocols) => protocols == AllowedProtocols ? this : new GitRunner(executable, protocols);

    /// <summary>Runs git in <paramref name="directory"/> (null: the current one) and returns its stdout.</summary>
    public async Task<string> RunAsync(string? directory, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        using var process = Start(executable, directory, arguments, AllowedProtocols);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await WaitAsync(process, cancellationToken);
        var output = await stdout;
        var error = await stderr;
        if (process.ExitCode != 0)
        {
            throw Failure(executable, arguments, process.ExitCode, error);
        }

        return output;
    }

    public Task<string> RunAsync(string? directory, params string[] arguments) => RunAsync(directory, arguments, CancellationToken.None);

    /// <summary>Runs git and hands its stdout, as a stream, to <paramref name="consume"/> (e.g. `git archive` piped into
    /// gzip and an upload) without buffering the whole output.</summary>
    public Task StreamAsync(string? directory, IEnumerable<string> arguments, Func<Stream, CancellationToken, Task> consume,
        CancellationToken cancellationToken) =>
        StreamProgramAsync(executable, directory, arguments, null, consume, AllowedProtocols, cancellationToken);

    /// <summary>Runs any program (e.g. `tar`) the same way and hands its stdout to <paramref name="consume"/>.</summary>
    public static Task StreamProgramAsync(string program, string? directory, IEnumerable<string> arguments,
        Func<Stream, CancellationToken, Task> consume, CancellationToken cancellationToken) =>
        StreamProgramAsync(program, directory, arguments, null, consume, DefaultProtocols, cancellationToken);

    /// <summary>Runs git with stdin fed by <paramref name="produce"/> while <paramref name="consume"/> reads stdout, e.g.
    /// `git cat-file --batch` given a list of objects.</summary>
    public Task StreamWithInputAsync(string directory, IEnumerable<string> arguments, Func<Stream, CancellationToken, Task> produce,
        Func<Stream, CancellationToken, Task> consume, CancellationToken cancellationToken) =>
        StreamProgramAsync(executable, directory, arguments, produce, consume, AllowedProtocols, cancellationToken);

    private static async Task StreamProgramAsync(string program, string? directory, IEnumerable<string> arguments,
        Func<Stream, CancellationToken, Task>? produce, Func<Stream, CancellationToken, Task> consume, string protocols,
        CancellationToken cancellationToken)
    {
        using var process = Start(program, directory, arguments, protocols, redirectInput: produce is not null);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        PipeCapacity.Enlarge(process.StandardOutput.BaseStream);
        var input = produce is null ? Task.CompletedTask : Task.Run(async () =>
        {
            await using var stdin = process.StandardInput.BaseStream;
            await produce(stdin, cancellationToken);
        }, cancellationToken);
        try
        {
            await consume(process.StandardOutput.BaseStream, cancellationToken);
            await input;
        }
        catch
        {
            Kill(process);
            throw;
        }

        await WaitAsync(process, cancellationToken);
        if (process.ExitCode != 0)
        {
            throw Failure(program, arguments, process.ExitCode, await stderr);
        }
    }

    /// <summary>Starts any program (e.g. `patch`) with <paramref name="input"/> on stdin; returns stdout+stderr.</summary>
    public static async Task<(int ExitCode, string Output)> RunProgramAsync(string program, string directory, IEnumerable<string> arguments,
        byte[] input, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.StandardInput.BaseStream.WriteAsync(input, cancellationToken);
        process.StandardInput.Close();
        await WaitAsync(process, cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static Process Start(string program, string? directory, IEnumerable<string> arguments, string protocols, bool redirectInput = false)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        if (directory is not null)
        {
            info.WorkingDirectory = directory;
            // A broken cache must fail, not let git walk up and act on a repository that encloses the work folder.
            info.Environment["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(Path.GetFullPath(directory).TrimEnd('/')) ?? "";
        }

        // Never stop on a credential or host-key prompt: a poller has nobody to answer it.
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["GIT_ALLOW_PROTOCOL"] = protocols;
        info.Environment["LC_ALL"] = "C";
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
    }

    private static async Task WaitAsync(Process process, CancellationToken cancellationToken)
    {
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static GitException Failure(string program, IEnumerable<string> arguments, int exitCode, string stderr) =>
        new($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited {exitCode}: {stderr.Trim()}", exitCode);
}
