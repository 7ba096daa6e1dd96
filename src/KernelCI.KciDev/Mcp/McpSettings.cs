using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Mcp;

/// <summary>What the MCP server is allowed to reach, from the config file's instance (kci-dev.md §1, §2.3): the dashboard
/// always; Maestro when `api` is set; the pipeline only when both `pipeline` and `token` are set, so that an agent
/// given a config without a token can read KernelCI but never start jobs.</summary>
internal sealed record McpSettings(Uri DashboardApi, Uri? Api, Uri? Pipeline, string? Token)
{
    public bool HasMaestro => Api is not null;

    public bool HasPipeline => Pipeline is not null && !string.IsNullOrWhiteSpace(Token);

    public static McpSettings From(CommandSession session)
    {
        var instance = session.OptionalInstance();
        return new McpSettings(
            session.Config.DashboardApiUrl(instance),
            Url(instance?.Api, "api"),
            Url(instance?.Pipeline, "pipeline"),
            string.IsNullOrWhiteSpace(instance?.Token) ? null : instance.Token);
    }

    private static Uri? Url(string? text, string key) => string.IsNullOrWhiteSpace(text) ? null : CommandSession.ParseUrl(text, key);
}
