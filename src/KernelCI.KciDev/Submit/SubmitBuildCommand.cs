using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Kcidb;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Maestro;

namespace KernelCI.KciDev.Submit;

/// <summary>`submit build`: one checkout and one build as a KCIDB v5.3 document, from flags, `--git-folder` or a whole
/// `--from-json` document; `--dry-run` prints it as upstream does (`json.dumps(indent=2, sort_keys=True)`)
/// (kci-dev.md §2.3, kernelci/kci-dev:kcidev/subcommands/submit/__init__.py).</summary>
internal static class SubmitBuildCommand
{
    public static readonly string[] Statuses = ["PASS", "FAIL", "ERROR", "MISS", "DONE", "SKIP"];

    public static Command Create(CliContext context)
    {
        var o = new SubmitBuildOptions();
        var command = new Command("build", "Submit build results to KCIDB");
        o.AddTo(command);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            JsonObject payload;
            if (session.Value(o.FromJson) is { } file)
            {
                if (session.Value(o.GitFolder) is not null)
                {
                    throw new CliException("--from-json and --git-folder are mutually exclusive");
                }

                payload = LoadDocument(Path.GetFullPath(file, session.Context.WorkingDirectory), file, session.Value(o.Origin));
            }
            else
            {
                payload = (await FromOptionsAsync(session, o, cancellationToken)).ToPayload();
            }

            if (session.Value(o.DryRun))
            {
                await session.Console.Out.WriteLineAsync(PythonJson.Dumps(payload, 2));
                return ExitCodes.Success;
            }

            var target = KcidbTarget.Resolve(session, session.Value(o.KcidbRestUrl), session.Value(o.KcidbToken));
            var client = new KcidbClient(session.CreateHttpClient(new Uri(target.Url, "/"), TimeSpan.FromSeconds(60)), target.Token);
            using var body = new MemoryStream(Encoding.UTF8.GetBytes(payload.ToJsonString()));
            var reply = await client.SubmitAsync(body, target.Url, cancellationToken);
            await session.Console.Out.WriteLineAsync($"Submitted successfully: {JsonSerializer.Serialize(reply, ReplyOptions)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static readonly JsonSerializerOptions ReplyOptions = new(JsonSerializerDefaults.Web);

    private static async Task<BuildSubmission> FromOptionsAsync(CommandSession session, SubmitBuildOptions o, CancellationToken cancellationToken)
    {
        var origin = session.Value(o.Origin) ?? throw new CliException("--origin is required (or use --from-json)");
        var (url, branch, commit) = (session.Value(o.GitUrl), session.Value(o.Branch), session.Value(o.Commit));
        if (session.Value(o.GitFolder) is { } folder)
        {
            var detected = await GitFolderRevision.DetectAsync(Path.GetFullPath(folder, session.Context.WorkingDirectory), "--git-folder", cancellationToken);
            (url, branch, commit) = (url ?? detected.Url, branch ?? detected.Branch, commit ?? detected.Commit);
        }

        if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(commit))
        {
            throw new CliException("--giturl and --commit are required (or use --git-folder or --from-json)");
        }

        var status = session.Value(o.Status);
        if (status is not null && !Statuses.Contains(status, StringComparer.Ordinal))
        {
            throw new CliException($"--status {status}: must be one of {string.Join(", ", Statuses)}");
        }

        double? duration = null;
        if (session.Value(o.Duration) is { } text)
        {
            duration = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds)
                ? seconds
                : throw new CliException($"--duration {text}: not a number of seconds");
        }

        return new BuildSubmission(origin, url, branch ?? "", commit, session.Value(o.PatchsetHash) ?? "",
            session.Value(o.StartTime) ?? PythonIsoFormat(session.Context.Time.GetUtcNow()))
        {
            TreeName = session.Value(o.TreeName),
            Arch = session.Value(o.Arch),
            ConfigName = session.Value(o.ConfigName),
            Compiler = session.Value(o.Compiler),
            Status = status,
            Duration = duration,
            LogUrl = session.Value(o.LogUrl),
            ConfigUrl = session.Value(o.ConfigUrl),
            Comment = session.Value(o.Comment),
            Command = session.Value(o.Command),
        };
    }

    /// <summary>`datetime.now(timezone.utc).isoformat()`: microseconds unless zero, then `+00:00`. The default start
    /// time is part of the build ID, so it is written as upstream writes it.</summary>
    public static string PythonIsoFormat(DateTimeOffset now)
    {
        var micros = now.Ticks % TimeSpan.TicksPerSecond / 10;
        return now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            + (micros == 0 ? "" : "." + micros.ToString("D6", CultureInfo.InvariantCulture)) + "+00:00";
    }

    /// <summary>`--from-json`: a whole document, checked for `version` and some checkouts or builds; `--origin` then
    /// replaces the origin of every checkout, build and test.</summary>
    private static JsonObject LoadDocument(string path, string option, string? origin)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"--from-json {option}: no such file");
        }

        JsonObject document;
        try
        {
            document = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new CliException($"--from-json {option}: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new CliException($"--from-json {option}: not valid JSON: {e.Message.Split('\n')[0]}");
        }

        if (!document.ContainsKey("version"))
        {
            throw new CliException($"--from-json {option}: the document must contain a 'version' key");
        }

        if (!document.ContainsKey("checkouts") && !document.ContainsKey("builds"))
        {
            throw new CliException($"--from-json {option}: the document must contain at least 'checkouts' or 'builds'");
        }

        if (origin is not null)
        {
            foreach (var key in new[] { "checkouts", "builds", "tests" })
            {
                foreach (var item in (document[key] as JsonArray ?? []).OfType<JsonObject>())
                {
                    item["origin"] = origin;
                }
            }
        }

        return document;
    }
}
