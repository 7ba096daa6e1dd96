namespace KernelCI.Triage;

/// <summary>The problems of one log in the order first seen, one per fingerprint. At most <see cref="MaxProblems"/>
/// distinct ones are kept (a log full of different warnings stays bounded); later repeats of a kept one are counted.</summary>
internal sealed class ProblemSet
{
    public const int MaxProblems = 256;

    private readonly List<Problem> _problems = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public bool Any(Func<Problem, bool> predicate) => _problems.Any(predicate);

    public void Add(Problem problem)
    {
        if (_index.TryGetValue(problem.Fingerprint, out var at))
        {
            _problems[at] = _problems[at] with { Occurrences = _problems[at].Occurrences + 1 };
        }
        else if (_problems.Count < MaxProblems)
        {
            _index[problem.Fingerprint] = _problems.Count;
            _problems.Add(problem);
        }
    }

    public IReadOnlyList<Problem> ToList() => _problems.ToArray();
}
