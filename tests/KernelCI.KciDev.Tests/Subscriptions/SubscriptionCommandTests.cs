using System.Net;
using System.Text.RegularExpressions;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Subscriptions;

/// <summary>`subscriptions add|list|delete` against our real dashboard listener, which forwards to the notifications
/// component (docs/kci-dev.md, "subscriptions"). Confirmation links are read from the mails it writes without SMTP.</summary>
public sealed partial class SubscriptionCommandTests(SubscriptionFixture fixture) : IClassFixture<SubscriptionFixture>, IDisposable
{
    private readonly KciDevHarness _kciDev = new();

    private Servers.SubscriptionServers Servers => fixture.Servers;

    public void Dispose() => _kciDev.Dispose();

    [Fact]
    public async Task Added_subscription_is_confirmed_listed_and_deleted()
    {
        WriteSettings(adminToken: null);
        var added = await _kciDev.RunAsync("subscriptions", "add", "dev@example.org", "--platform", "qemu-x86", "--origin", "maestro", "--test", "baseline.*");
        var id = added.Output.Split(' ')[0];
        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.EndsWith(" dev@example.org: tests baseline.*, platform qemu-x86, origin maestro (immediate, unconfirmed)\n"
            + "A confirmation mail was sent to dev@example.org: nothing else is mailed before its link is used.\n", added.Output, StringComparison.Ordinal);

        await ConfirmAsync("dev@example.org");
        var token = Servers.ManageToken("dev@example.org");
        var listed = await _kciDev.RunAsync("subscriptions", "list", "--token", token);
        var deleted = await _kciDev.RunAsync("subscriptions", "delete", id, "--token", token);
        var after = await _kciDev.RunAsync("subscriptions", "list", "--token", token);

        Assert.Equal($"{id} dev@example.org: tests baseline.*, platform qemu-x86, origin maestro (immediate, active)\n", listed.Output);
        Assert.Equal(($"Deleted subscription {id}\n", 0), (deleted.Output, deleted.ExitCode));
        Assert.Equal("No subscriptions\n", after.Output);
    }

    [Fact]
    public async Task Add_for_a_confirmed_address_says_it_is_active()
    {
        WriteSettings(adminToken: null);
        await _kciDev.RunAsync("subscriptions", "add", "confirmed@example.org", "--origin", "maestro");
        await ConfirmAsync("confirmed@example.org");

        var added = await _kciDev.RunAsync("subscriptions", "add", "confirmed@example.org", "--platform", "rk3399");

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.EndsWith(" confirmed@example.org: platform rk3399 (immediate, active)\n"
            + "confirmed@example.org is already confirmed: this subscription is active.\n", added.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_with_a_forged_token_is_refused_in_one_line()
    {
        WriteSettings(adminToken: null);
        var token = Servers.ManageToken("forger@example.org");
        var forged = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        var listed = await _kciDev.RunAsync("subscriptions", "list", "--token", forged);

        Assert.Equal(1, listed.ExitCode);
        Assert.Equal("kci-dev: token: not signed by this server\n", listed.Error);
    }

    [Fact]
    public async Task Bad_address_gives_the_servers_message_and_exit_code_1()
    {
        WriteSettings(adminToken: null);

        var added = await _kciDev.RunAsync("subscriptions", "add", "Dev <dev@example.org>", "--origin", "maestro");

        Assert.Equal(1, added.ExitCode);
        Assert.Equal("kci-dev: address: 'Dev <dev@example.org>' is not an email address (user@domain, without a name)\n", added.Error);
    }

    [Fact]
    public async Task Always_flag_reaches_the_server()
    {
        WriteSettings(adminToken: null);

        // Without a tree the server refuses it, naming the field: proof that the flag went out
        var added = await _kciDev.RunAsync("subscriptions", "add", "dev@example.org", "--origin", "maestro", "--always");

        Assert.Equal(1, added.ExitCode);
        Assert.Equal("kci-dev: always: needs a tree (checkout summaries are per tree and branch)\n", added.Error);
    }

    [Fact]
    public async Task Admin_token_from_the_config_lists_any_address_as_json()
    {
        WriteSettings(adminToken: Servers.AdminToken());
        await _kciDev.RunAsync("subscriptions", "add", "admin-listed@example.org", "--platform", "rk3399", "--delivery", "daily");

        var listed = await _kciDev.RunAsync("subscriptions", "list", "--address", "admin-listed@example.org", "--json");

        Assert.True(listed.ExitCode == 0, listed.ToString());
        var item = Assert.Single(System.Text.Json.Nodes.JsonNode.Parse(listed.Output)!.AsArray())!;
        Assert.Equal(("rk3399", "daily", "unconfirmed"), (item["platform"]!.GetValue<string>(), item["delivery"]!.GetValue<string>(), item["state"]!.GetValue<string>()));
    }

    [Fact]
    public async Task List_without_a_token_names_what_to_give()
    {
        WriteSettings(adminToken: null);

        var listed = await _kciDev.RunAsync("subscriptions", "list");

        Assert.Equal(1, listed.ExitCode);
        Assert.StartsWith("kci-dev: no caller: give --token", listed.Error, StringComparison.Ordinal);
    }

    private void WriteSettings(string? adminToken) => _kciDev.WriteSettings($"""
        default_instance = "local"
        [local]
        dashboard_api = "{Servers.ApiUrl}"
        {(adminToken is null ? "" : $"kcidb_token = \"{adminToken}\"")}
        """);

    /// <summary>What the address's owner does: opens the mail's link and presses its button (a POST).</summary>
    private async Task ConfirmAsync(string address)
    {
        var mail = await DryRunMails.WaitForAsync(Servers.MailDirectory, address, TimeSpan.FromSeconds(30));
        var link = ConfirmLink().Match(mail.TextBody ?? "").Value;
        using var http = new HttpClient();
        using var confirmed = await http.PostAsync(link, null);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    [GeneratedRegex(@"http://\S+/api/subscriptions/confirm\?token=\S+")]
    private static partial Regex ConfirmLink();
}
