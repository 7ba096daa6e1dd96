namespace KernelCI.Dashboard.Trees;

/// <summary>Upstream's messages (kernelci/dashboard: backend/kernelCI_app/constants/localization.py), which clients
/// may match on.</summary>
internal static class TreeStrings
{
    public const string NoResults = "No results available for this tree/branch/commit";

    public const string NoBuilds = "No builds available for this tree/branch/commit";

    public const string NoTrees = "No trees were found";

    public const string CommitsNotFound = "History of tree commits not found";

    public const string TreeNotFound = "Tree not found.";

    public const string DefaultOriginNote = "No origin was provided so it was defaulted to";
}
