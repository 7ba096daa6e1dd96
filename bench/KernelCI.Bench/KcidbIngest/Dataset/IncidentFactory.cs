using KernelCI.Bench.KcidbIngest.Dataset.Model;

namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>Incidents tie an issue to a failed build or test; a few issues collect most of them, as in triage.</summary>
internal sealed class IncidentFactory(DatasetShape shape, long seed, IdFactory ids)
{
    private const int Attempts = 64;

    public IncidentTarget TargetOf(int index)
    {
        var random = ObjectRandom.For(seed, ObjectKind.Incident, index);
        var issue = random.Next(random.Next(shape.Issues) + 1);
        if (random.Next(10) == 0)
        {
            return new IncidentTarget(issue, true, Pick(ref random, shape.Builds, ObjectKind.Build, "FAIL"));
        }

        return new IncidentTarget(issue, false, Pick(ref random, shape.Tests, ObjectKind.Test, "FAIL"));
    }

    public KcidbIncident Create(int index)
    {
        var target = TargetOf(index);
        var result = ids.NodeId(target.IsBuild ? ObjectKind.Build : ObjectKind.Test, target.Index);
        return new KcidbIncident(
            ids.HashId(ObjectKind.Incident, index),
            IdFactory.Origin,
            ids.HashId(ObjectKind.Issue, target.Issue),
            1,
            target.IsBuild ? result : null,
            target.IsBuild ? null : result,
            true,
            target.IsBuild ? "build incident, automatically generated" : "test incident, automatically generated");
    }

    // Rejection sampling on the status each object draws first; gives up after a few tries so a tiny dataset without
    // any failure still gets its incidents.
    private long Pick(ref ObjectRandom random, long count, ObjectKind kind, string wanted)
    {
        long candidate = 0;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            candidate = (long)(random.NextUInt64() % (ulong)count);
            var objectRandom = ObjectRandom.For(seed, kind, candidate);
            var status = kind == ObjectKind.Build ? StatusMix.DrawBuild(ref objectRandom) : StatusMix.DrawTest(ref objectRandom);
            if (status == wanted)
            {
                break;
            }
        }

        return candidate;
    }
}
