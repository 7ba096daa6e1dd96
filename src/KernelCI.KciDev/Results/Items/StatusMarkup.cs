namespace KernelCI.KciDev.Results.Items;

/// <summary>A status as upstream labels it: PASS and FAIL as they are, anything else `INCONCLUSIVE (status: X)`.</summary>
internal static class StatusMarkup
{
    public static string Label(string status) => status is "PASS" or "FAIL" ? status : $"INCONCLUSIVE (status: {status})";
}
