using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KernelCI.Maestro.Nodes;

/// <summary>Per-kind checks of `data`, as upstream's pydantic subclasses do; unknown keys are kept.</summary>
internal static class NodeDataValidator
{
    private static readonly string[] RevisionFields = ["kernel_revision", "test_revision", "failed_kernel_revision"];
    private static readonly string[] StringFields =
        ["arch", "defconfig", "compiler", "config_full", "platform", "runtime", "job_id", "kernel_type", "error_msg", "device"];

    public static void Validate(string kind, JsonObject data)
    {
        if (kind == "process")
        {
            return;
        }

        foreach (var field in RevisionFields)
        {
            if (data[field] is { } revision)
            {
                ValidateRevision(field, revision);
            }
        }

        foreach (var field in StringFields)
        {
            if (data[field] is { } value && value.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Null))
            {
                throw MaestroException.BadRequest($"data.{field}: must be a string");
            }
        }

        if (data["error_code"] is { } code && code.GetValueKind() != JsonValueKind.Null)
        {
            if (code.GetValueKind() != JsonValueKind.String || !NodeFields.ErrorCodes.Contains(code.GetValue<string>()))
            {
                throw MaestroException.BadRequest($"data.error_code: '{code.ToJsonString()}' is not a known error code");
            }
        }

        if (data["fragments"] is { } fragments && fragments.GetValueKind() is not (JsonValueKind.Array or JsonValueKind.Null))
        {
            throw MaestroException.BadRequest("data.fragments: must be a list");
        }
    }

    private static void ValidateRevision(string field, JsonNode revision)
    {
        if (revision.GetValueKind() == JsonValueKind.Null)
        {
            return;
        }

        if (revision is not JsonObject obj)
        {
            throw MaestroException.BadRequest($"data.{field}: must be an object");
        }

        foreach (var required in (string[])["tree", "url", "branch", "commit"])
        {
            if (obj[required] is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
            {
                throw MaestroException.BadRequest($"data.{field}.{required}: field required (a string)");
            }
        }

        RevisionTreeName.Validate(field, obj["tree"]!.GetValue<string>());
        var url = obj["url"]!.GetValue<string>();
        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw MaestroException.BadRequest($"data.{field}.url: '{url}' is not a valid URL");
        }

        if (obj["version"] is JsonObject version)
        {
            NormaliseVersion(field, version);
        }
    }

    // Upstream converts numeric strings in the version to integers on write.
    private static void NormaliseVersion(string field, JsonObject version)
    {
        foreach (var key in (string[])["version", "patchlevel", "sublevel"])
        {
            var value = version[key];
            if (value is null)
            {
                if (key != "sublevel")
                {
                    throw MaestroException.BadRequest($"data.{field}.version.{key}: field required");
                }

                continue;
            }

            if (value.GetValueKind() == JsonValueKind.String
                && long.TryParse(value.GetValue<string>(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                version[key] = number;
            }
            else if (value.GetValueKind() != JsonValueKind.Number && !(key == "sublevel" && value.GetValueKind() == JsonValueKind.Null))
            {
                throw MaestroException.BadRequest($"data.{field}.version.{key}: must be an integer");
            }
        }
    }
}
