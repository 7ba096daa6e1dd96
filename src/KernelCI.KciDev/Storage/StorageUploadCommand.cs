using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Storage;

/// <summary>`storage upload --path REMOTE FILE…`: one POST /v1/file per file (multipart `path` and `file0`), as upstream
/// sends them; folders are skipped with a warning (kernelci/kci-dev:kcidev/subcommands/storage.py).</summary>
internal static class StorageUploadCommand
{
    public static Command Create(CliContext context)
    {
        var target = new StorageTarget();
        var path = new Option<string>("--path") { Description = "Remote folder, best named after your origin (e.g. myci/build-123)", Required = true };
        var files = new Argument<string[]>("files") { Description = "Local files to upload", Arity = ArgumentArity.OneOrMore };
        var command = new Command("upload", "Upload files to KernelCI storage") { path, files };
        target.AddTo(command);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var remote = session.Value(path)!.Trim();
            if (remote.Length == 0)
            {
                throw new CliException("--path: must name a remote folder");
            }

            var local = (session.Value(files) ?? []).Select(f => (Given: f, Full: Path.GetFullPath(f, session.Context.WorkingDirectory))).ToList();
            if (local.FirstOrDefault(f => !File.Exists(f.Full) && !Directory.Exists(f.Full)) is { Given: not null } missing)
            {
                throw new CliException($"{missing.Given}: no such file");
            }

            var client = target.Client(session);
            foreach (var (given, full) in local)
            {
                if (Directory.Exists(full))
                {
                    await session.Console.Error.WriteLineAsync($"Skipping directory: {given}");
                    continue;
                }

                var name = Path.GetFileName(full);
                await session.Console.Out.WriteLineAsync($"Uploading {name} to {remote}/...");
                await StorageTarget.CallAsync(async () =>
                {
                    await client.UploadAsync(remote, name, () => File.OpenRead(full), cancellationToken);
                    return true;
                });
                await session.Console.Out.WriteLineAsync($"Uploaded: {name}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
