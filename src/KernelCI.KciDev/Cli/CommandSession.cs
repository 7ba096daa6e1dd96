using System.CommandLine;
using KernelCI.Client.Dashboard;
using KernelCI.KciDev.Config;

namespace KernelCI.KciDev.Cli;

/// <summary>One command's run: its parse result, the config file (read once, when first needed) and the HTTP clients
/// built from it with upstream's User-Agent and timeouts (kci-dev.md §1, §3.1).</summary>
internal sealed class CommandSession(CliContext context, ParseResult parse)
{
    private KciDevConfig? _config;

    public CliContext Context => context;

    public KciConsole Console => context.Console;

    public ParseResult Parse => parse;

    public KciDevConfig Config => _config ??= KciDevConfig.Load(context, parse.GetValue(GlobalOptions.Settings));

    public T? Value<T>(Option<T> option) => parse.GetValue(option);

    public T? Value<T>(Argument<T> argument) => parse.GetValue(argument);

    /// <summary>For bisect, checkout, maestro, patchset, testretry and watch: aborts without a config and instance.</summary>
    public InstanceSettings RequireInstance() => Config.Instance(parse.GetValue(GlobalOptions.Instance), required: true)!;

    /// <summary>For commands that work without a config file (results, submit, storage, mcp).</summary>
    public InstanceSettings? OptionalInstance() => Config.Instance(parse.GetValue(GlobalOptions.Instance), required: false);

    /// <summary>A key the command cannot do without, e.g. `pipeline` for checkout.</summary>
    public static string Require(InstanceSettings instance, string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new CliException($"instance {instance.Name}: `{key}` is not set in the config file") : value;

    /// <summary>The dashboard API: 10 s to connect and 60 s to read upstream, one 70 s budget here; retries on 429 and
    /// 5xx (kci-dev.md §3.1).</summary>
    public DashboardApiClient Dashboard() =>
        new(CreateHttpClient(Config.DashboardApiUrl(OptionalInstance()), TimeSpan.FromSeconds(70)), context.Time);

    /// <summary>An HttpClient for <paramref name="baseAddress"/>; with `--debug` each request is printed on standard error.</summary>
    public HttpClient CreateHttpClient(Uri baseAddress, TimeSpan timeout)
    {
        var handler = context.HttpHandler();
        if (parse.GetValue(GlobalOptions.Debug))
        {
            handler = new DebugHandler(Console.Error) { InnerHandler = handler };
        }

        var http = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = timeout };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(KciDevVersion.UserAgent);
        return http;
    }

    public static Uri ParseUrl(string text, string key) =>
        Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliException($"{key}: not an http(s) URL: {text}");
}
