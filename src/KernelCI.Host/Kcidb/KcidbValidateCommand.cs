using System.CommandLine;
using KernelCI.Kcidb.Schema;

namespace KernelCI.Host.Kcidb;

internal static class KcidbValidateCommand
{
    public static Command Create(IAppConsole console, bool upgrade)
    {
        var file = new Argument<string>("FILE") { Description = "A KCIDB JSON document, or - for standard input" };
        var command = upgrade
            ? new Command("upgrade", "Validate a document against its own schema version and print it upgraded to v5.3") { file }
            : new Command("validate", "Validate a document against the schema of its own version and echo it") { file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            var (document, error) = await DocumentFile.ReadAsync(path, cancellationToken);
            if (document is null)
            {
                await console.Error.WriteLineAsync(error);
                return ExitCodes.Failure;
            }

            using (document)
            {
                var result = upgrade ? KcidbDocuments.Process(document.RootElement) : KcidbDocuments.Validate(document.RootElement);
                if (!result.IsValid)
                {
                    foreach (var reason in result.Errors)
                    {
                        await console.Error.WriteLineAsync($"{path}: {reason}");
                    }

                    return ExitCodes.Failure;
                }

                await console.Out.WriteLineAsync(DocumentFile.Write(upgrade ? result.Document : document.RootElement));
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
