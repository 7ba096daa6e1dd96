namespace KernelCI.Notifications;

/// <summary>The SMTP relay. The user name and password are the data folder's secrets `notifications-smtp-user` and
/// `notifications-smtp-password` (docs/notifications.md, "Configuration"), never the configuration file.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    /// <summary>0: the security's usual port (25 none, 587 starttls, 465 tls).</summary>
    public int Port { get; set; }

    /// <summary>none, starttls or tls.</summary>
    public string Security { get; set; } = "starttls";

    public int TimeoutSeconds { get; set; } = 60;

    public int EffectivePort => Port != 0 ? Port : Security switch
    {
        "none" => 25,
        "tls" => 465,
        _ => 587,
    };
}
