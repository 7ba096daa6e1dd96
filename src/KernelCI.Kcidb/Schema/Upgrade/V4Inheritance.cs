using System.Text.Json.Nodes;

namespace KernelCI.Kcidb.Schema.Upgrade;

/// <summary>Upstream's v4.0 <c>_inherit()</c>: revisions become checkouts, descriptions become comments.</summary>
internal static class V4Inheritance
{
    public static void Apply(JsonObject data)
    {
        foreach (var revision in JsonObjects.Objects(data, "revisions"))
        {
            // A placeholder origin keeps these apart from real checkouts, and keeps each origin's
            // revisions apart so that deduplication loses no data.
            var id = "_:" + Text(revision, "origin") + ":" + Text(revision, "id");
            revision["id"] = id;
            JsonObjects.Rename(revision, "patch_mboxes", "patchset_files");
            var parts = id.Split('+');
            revision["patchset_hash"] = parts.Length > 1 ? parts[1] : "";
            JsonObjects.Rename(revision, "discovery_time", "start_time");
            JsonObjects.Rename(revision, "description", "comment");
            revision.Remove("publishing_time");
        }

        JsonObjects.Rename(data, "revisions", "checkouts");

        foreach (var build in JsonObjects.Objects(data, "builds"))
        {
            build.Remove("revision_id", out var revisionId);
            build["checkout_id"] = "_:" + Text(build, "origin") + ":" + revisionId!.GetValue<string>();
            JsonObjects.Rename(build, "description", "comment");
        }

        foreach (var test in JsonObjects.Objects(data, "tests"))
        {
            JsonObjects.Rename(test, "description", "comment");
            if (test["environment"] is JsonObject environment)
            {
                JsonObjects.Rename(environment, "description", "comment");
            }
        }
    }

    private static string Text(JsonObject obj, string field) => obj[field]!.GetValue<string>();
}
