using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using KernelCI.Pipeline.Services.Patchset;

namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>Splits a series' mbox (Patchwork's /series/ID/mbox/: every patch in order, each a mail starting with an
/// mbox `From ` line) into its patches, and refuses what the patchset flow would refuse, before anything is applied:
/// no mail or one without a diff, a count other than the series', and (<see cref="PatchValidator"/>) binary patches,
/// symlinks, paths outside the tree. Every refusal names the patch as `patch N/M 'subject'`.</summary>
internal static partial class SeriesMbox
{
    public static IReadOnlyList<MboxPatch> Split(byte[] mbox, int expected)
    {
        var text = Encoding.UTF8.GetString(mbox);
        var starts = FromLine().Matches(text).Select(m => m.Index).ToList();
        if (starts.Count == 0)
        {
            throw new SeriesRefusedException("malformed mbox: no mail in it");
        }

        var patches = new List<MboxPatch>();
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : text.Length;
            var mail = text[starts[i]..end];
            var headerEnd = mail.IndexOf("\n\n", StringComparison.Ordinal);
            if (headerEnd < 0)
            {
                throw new SeriesRefusedException($"malformed mbox: mail {i + 1} has no body");
            }

            var headers = Unfold(mail[..headerEnd]);
            var subject = Header(headers, "Subject") ?? "";
            var id = long.TryParse(Header(headers, "X-Patchwork-Id"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null;
            patches.Add(new MboxPatch(i + 1, subject, id, Encoding.UTF8.GetBytes(mail)));
        }

        foreach (var patch in patches)
        {
            var name = Name(patch, patches.Count);
            var body = Encoding.UTF8.GetString(patch.Mail);
            if (!Diff().IsMatch(body))
            {
                throw new SeriesRefusedException($"malformed mbox: {name} has no diff");
            }

            try
            {
                PatchValidator.Check(name, patch.Mail);
            }
            catch (PatchRejectedException e)
            {
                throw new SeriesRefusedException(e.Message);
            }
        }

        if (patches.Count != expected)
        {
            throw new SeriesRefusedException($"malformed mbox: {patches.Count} patches, the series has {expected}");
        }

        return patches;
    }

    /// <summary>`base-commit: SHA` (git format-patch --base), in the patches or a cover letter.</summary>
    public static string? BaseCommit(string text) => BaseCommitLine().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    public static string Name(MboxPatch patch, int total) => $"patch {patch.Number}/{total} '{Shorten(patch.Subject)}'";

    private static string Shorten(string subject) => subject.Length > 80 ? subject[..80] + "…" : subject;

    private static string Unfold(string headers) => Folding().Replace(headers.Replace("\r\n", "\n", StringComparison.Ordinal), " ");

    private static string? Header(string headers, string name)
    {
        foreach (var line in headers.Split('\n'))
        {
            if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            {
                return line[(name.Length + 1)..].Trim();
            }
        }

        return null;
    }

    // An mbox From_ line: "From SENDER DAY MON DD HH:MM:SS YYYY" (Patchwork writes "From patchwork Mon Dec  7 …").
    [GeneratedRegex(@"^From \S+ +\w{3} \w{3} +\d{1,2} \d{2}:\d{2}:\d{2} \d{4}\r?$", RegexOptions.Multiline)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^(diff --git |--- \S|\+\+\+ \S)", RegexOptions.Multiline)]
    private static partial Regex Diff();

    [GeneratedRegex(@"\n[ \t]+")]
    private static partial Regex Folding();

    [GeneratedRegex(@"^base-commit: ([0-9a-f]{40}(?:[0-9a-f]{24})?)\s*$", RegexOptions.Multiline)]
    private static partial Regex BaseCommitLine();
}
