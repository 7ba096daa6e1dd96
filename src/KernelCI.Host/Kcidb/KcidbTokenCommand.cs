using System.CommandLine;
using KernelCI.Host.Tokens;
using KernelCI.Kcidb.Submissions;

namespace KernelCI.Host.Kcidb;

/// <summary>`kernelci kcidb token --origin O [--admin] [--days N]`: a submission JWT signed with the data folder's secret.</summary>
internal static class KcidbTokenCommand
{
    public static Command Create(IAppConsole console)
    {
        var origin = new Option<string>("--origin") { Description = "The submitter's origin (^[a-z0-9_]+$)", Required = true };
        var admin = new Option<bool>("--admin") { Description = "May submit objects of any origin" };
        return new TokenCommand
        {
            Description = "Print a submission JWT signed with the data folder's secret",
            SecretName = SubmissionAuthenticator.SecretName,
            Lifetime = TokenLifetime.Days(365),
            Options = [origin, admin],
            Check = parse => SubmissionAuthenticator.OriginPattern().IsMatch(parse.GetValue(origin)!)
                ? null
                : $"--origin: '{parse.GetValue(origin)}' must match ^[a-z0-9_]+$",
            Issue = (request, _) => Task.FromResult<string?>(
                SubmissionAuthenticator.IssueToken(request.Secret, request.Parse.GetValue(origin)!, request.Parse.GetValue(admin), request.Expires!.Value)),
        }.Create(console);
    }
}
