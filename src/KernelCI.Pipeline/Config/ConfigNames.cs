using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Config;

/// <summary>Names of the configuration that become folder and file names: a tree's names its git cache folder and
/// git remote, a job's its work folder and its storage folder `JOB-NODEID`. Both follow upstream's tree name rule
/// (<see cref="GitNames.TreeProblem"/>), which every upstream tree and job name already does.</summary>
internal static class ConfigNames
{
    public static void Check(RawEntry raw)
    {
        if (GitNames.TreeProblem(raw.Name) is { } problem)
        {
            throw new PipelineConfigException(raw.File, raw.Key, "the name " + problem);
        }
    }
}
