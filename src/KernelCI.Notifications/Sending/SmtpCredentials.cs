using KernelCI.ServiceDefaults;

namespace KernelCI.Notifications.Sending;

/// <summary>The SMTP login, from the data folder's secrets (never the configuration file); read on each connection
/// so a password changed on disk is used without a restart.</summary>
internal sealed class SmtpCredentials(SecretStore secrets)
{
    public const string UserSecret = "notifications-smtp-user";
    public const string PasswordSecret = "notifications-smtp-password";

    public (string User, string Password)? Find() =>
        secrets.Find(UserSecret) is { Length: > 0 } user ? (user, secrets.Find(PasswordSecret) ?? "") : null;
}
