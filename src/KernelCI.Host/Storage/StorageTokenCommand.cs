using System.CommandLine;
using KernelCI.Host.Tokens;
using KernelCI.Storage.Auth;

namespace KernelCI.Host.Storage;

/// <summary>`kernelci storage token EMAIL [--days N]`: upstream's --generate-jwt-token, signed with the data folder's secret.</summary>
internal static class StorageTokenCommand
{
    public static Command Create(IAppConsole console)
    {
        var email = new Argument<string>("EMAIL") { Description = "The uploader's email (the token's `email` claim)" };
        return new TokenCommand
        {
            Description = "Print a storage upload JWT",
            SecretName = StorageAuthenticator.SecretName,
            Lifetime = TokenLifetime.DaysOrNever("Validity in days; without it the token never expires, as upstream's"),
            Arguments = [email],
            Check = parse => parse.GetValue(email)!.Trim().Length == 0 ? "EMAIL: must not be empty" : null,
            Issue = (request, _) => Task.FromResult<string?>(
                StorageAuthenticator.IssueToken(request.Secret, request.Parse.GetValue(email)!.Trim(), request.Expires)),
        }.Create(console);
    }
}
