using System.Security.Claims;

namespace KernelCI.Maestro.Users.Auth;

/// <summary>The signed-in caller as <see cref="BearerAuthenticationHandler"/> found them: the user record read (or
/// cached) for the token, so that handlers binding a <see cref="MaestroUser"/> do not read it again.</summary>
internal sealed class MaestroIdentity(MaestroUser user) : ClaimsIdentity(MaestroAuthentication.Scheme)
{
    public MaestroUser User { get; } = user;

    public override string Name => User.Username;
}
