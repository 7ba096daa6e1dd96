namespace KernelCI.Dashboard.Web.Issues;

/// <summary>An issue's culprits as words (upstream's IssueCulprit: kernelci/dashboard:dashboard/src/components/Issue/IssueCulprit.tsx).</summary>
internal static class IssueCulprit
{
    public static string Words(bool? code, bool? tool, bool? harness)
    {
        var words = new List<string>();
        if (code == true)
        {
            words.Add("code");
        }

        if (tool == true)
        {
            words.Add("tool");
        }

        if (harness == true)
        {
            words.Add("harness");
        }

        return words.Count == 0 ? "unknown" : string.Join(", ", words);
    }
}
