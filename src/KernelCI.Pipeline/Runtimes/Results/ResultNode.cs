namespace KernelCI.Pipeline.Runtimes.Results;

/// <summary>A parsed result: a test case (leaf, kind test) or a suite or test set holding others (kind job). A group's
/// result, unless set, is computed from its children as upstream's callback does.</summary>
internal sealed class ResultNode(string name, string? result = null)
{
    public string Name { get; } = name;

    public List<ResultNode> Children { get; } = [];

    public bool IsGroup { get; init; }

    /// <summary>pass, fail or skip; a group's own result when the log gave one.</summary>
    public string? OwnResult { get; set; } = result;

    public string Kind => IsGroup ? "job" : "test";

    /// <summary>Any fail → fail, else any pass → pass, else skip (an empty group is skip).</summary>
    public string Result
    {
        get
        {
            if (OwnResult is { } own && (own != "pass" || Children.Count == 0))
            {
                return own;
            }

            var results = Children.Select(c => c.Result).ToList();
            return results.Contains("fail") ? "fail" : results.Contains("pass") ? "pass" : OwnResult ?? "skip";
        }
    }

    public static ResultNode Group(string name) => new(name) { IsGroup = true };
}
