using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using MimeKit;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace KernelCI.Notifications.Subscriptions;

/// <summary>Upstream's subscription files (kernelci/dashboard: backend/data/notifications/subscriptions/*.yaml, read by
/// `kernelCI_app/helpers/notifications.py`), loaded unchanged from <see cref="NotificationsOptions.SubscriptionFiles"/>
/// as read-only, confirmed subscriptions (docs/notifications.md, "Subscription files"). A tree file is
/// `TREE: {url, default_recipients, reports: [{branch, origin?, path?: [LIKE patterns], recipients?, options?}]}`;
/// each report gives one subscription per recipient (and path). A hardware file (`*_hardware.yaml`) is
/// `PLATFORM: {origin, labs, default_recipients}`, each recipient subscribed to that platform's weekly hardware summary
/// only (<see cref="Subscription.WeeklyHardwareOnly"/>). Re-read when a file changes; a file that does not
/// parse is skipped with a warning, never the whole folder.</summary>
internal sealed class SubscriptionFiles(NotificationsOptions options, ILogger<SubscriptionFiles> logger)
{
    // Upstream's DEFAULT_ORIGIN (kernelCI_app/constants/general.py).
    private const string DefaultOrigin = "maestro";

    private readonly Lock _lock = new();
    private readonly IDeserializer _yaml = new DeserializerBuilder().Build();
    private string _signature = "";
    private IReadOnlyList<Subscription> _loaded = [];

    public IReadOnlyList<Subscription> All()
    {
        if (options.SubscriptionFiles.Length == 0 || !Directory.Exists(options.SubscriptionFiles))
        {
            return [];
        }

        var files = Directory.GetFiles(options.SubscriptionFiles).Where(IsYaml).Order(StringComparer.Ordinal).ToList();
        var signature = string.Join('\n', files.Select(f => $"{f}|{File.GetLastWriteTimeUtc(f).Ticks}|{new FileInfo(f).Length}"));
        lock (_lock)
        {
            if (signature != _signature)
            {
                _loaded = [.. files.SelectMany(Load)];
                _signature = signature;
            }

            return _loaded;
        }
    }

    public IReadOnlyList<Subscription> For(string address) => [.. All().Where(s => s.Address == address)];

    public Subscription? Find(string id) => id.StartsWith(Subscription.FilePrefix, StringComparison.Ordinal) ? All().FirstOrDefault(s => s.Id == id) : null;

    private static bool IsYaml(string path) => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);

    private IEnumerable<Subscription> Load(string path)
    {
        var name = Path.GetFileName(path);
        // Hardware files (`*_hardware.yaml`) subscribe to the weekly hardware summary, not to regression reports.
        var hardware = Path.GetFileNameWithoutExtension(path).EndsWith("_hardware", StringComparison.Ordinal);
        try
        {
            var yaml = _yaml.Deserialize<Dictionary<string, object?>>(File.ReadAllText(path)) ?? [];
            var modified = File.GetLastWriteTimeUtc(path);
            return hardware ? ParseHardware(name, yaml, modified) : Parse(name, yaml, modified);
        }
        catch (Exception e) when (e is YamlException or InvalidCastException or IOException or FormatException)
        {
            NotificationsLog.SubscriptionFileSkipped(logger, name, e.Message);
            return [];
        }
    }

    private List<Subscription> Parse(string file, Dictionary<string, object?> trees, DateTime modified)
    {
        var subscriptions = new List<Subscription>();
        foreach (var (tree, value) in trees)
        {
            if (value is not Dictionary<object, object?> properties || Get(properties, "reports") is not List<object?> reports)
            {
                continue;
            }

            var defaults = Strings(Get(properties, "default_recipients"));
            for (var i = 0; i < reports.Count; i++)
            {
                if (reports[i] is not Dictionary<object, object?> report || Get(report, "branch") is not string branch)
                {
                    NotificationsLog.SubscriptionFileSkipped(logger, file, $"{tree}: report {i + 1} has no branch; it is left out");
                    continue;
                }

                var origin = Get(report, "origin") as string ?? DefaultOrigin;
                var specific = Strings(Get(report, "recipients"));
                var recipients = Strings(Get(report, "options")).Contains("ignore_default_recipients") ? specific : [.. defaults, .. specific];
                var paths = Strings(Get(report, "path"));
                foreach (var recipient in recipients.Distinct())
                {
                    if (!MailboxAddress.TryParse(recipient, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
                    {
                        NotificationsLog.SubscriptionFileSkipped(logger, file, $"{tree}: '{recipient}' is not an email address; it is left out");
                        continue;
                    }

                    var address = mailbox.Address.ToLowerInvariant();
                    foreach (var path in paths.Count == 0 ? [null] : paths.Cast<string?>())
                    {
                        var key = $"{file}|{tree}|{i}|{path}|{address}";
                        var id = Subscription.FilePrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
                        subscriptions.Add(new Subscription(id, address, tree, branch, path, null, origin, null, "immediate", "active",
                            new DateTimeOffset(modified, TimeSpan.Zero), file));
                    }
                }
            }
        }

        return subscriptions;
    }

    // `PLATFORM: {origin?, labs?: {lab: url}, default_recipients: [...]}` (kernelci/dashboard:
    // backend/data/notifications/example-hardware-subscription.yaml): one read-only subscription per platform and
    // recipient, to that platform's weekly hardware summary only. `labs` names the platform's labs and their web pages
    // for upstream's mail; ours lists every lab the results name, so it is read past.
    private List<Subscription> ParseHardware(string file, Dictionary<string, object?> platforms, DateTime modified)
    {
        var subscriptions = new List<Subscription>();
        foreach (var (platform, value) in platforms)
        {
            if (value is not Dictionary<object, object?> properties)
            {
                NotificationsLog.SubscriptionFileSkipped(logger, file, $"{platform}: not a map of origin and default_recipients; it is left out");
                continue;
            }

            var origin = Get(properties, "origin") as string ?? DefaultOrigin;
            foreach (var recipient in Strings(Get(properties, "default_recipients")).Distinct())
            {
                if (!MailboxAddress.TryParse(recipient, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
                {
                    NotificationsLog.SubscriptionFileSkipped(logger, file, $"{platform}: '{recipient}' is not an email address; it is left out");
                    continue;
                }

                var address = mailbox.Address.ToLowerInvariant();
                var id = Subscription.FilePrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{file}|{platform}|{address}")))[..24];
                subscriptions.Add(new Subscription(id, address, null, null, null, platform, origin, null, "immediate", "active",
                    new DateTimeOffset(modified, TimeSpan.Zero), file) { WeeklyHardwareOnly = true });
            }
        }

        return subscriptions;
    }

    private static object? Get(Dictionary<object, object?> map, string key) => map.TryGetValue(key, out var value) ? value : null;

    private static List<string> Strings(object? value) => value switch
    {
        string one => [one],
        List<object?> many => [.. many.OfType<string>()],
        _ => [],
    };
}
