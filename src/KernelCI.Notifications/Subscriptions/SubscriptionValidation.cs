using MimeKit;

namespace KernelCI.Notifications.Subscriptions;

/// <summary>Checks a subscription request; the first problem names its field.</summary>
internal static class SubscriptionValidation
{
    public static (string Field, string Message)? Check(SubscriptionRequest request, IReadOnlyDictionary<string, HashSet<string>>? trees)
    {
        if (string.IsNullOrWhiteSpace(request.Address))
        {
            return ("address", "required");
        }

        if (!IsPlainAddress(request.Address))
        {
            return ("address", $"'{request.Address}' is not an email address (user@domain, without a name)");
        }

        if (request.Tree is null && request.Path is null && request.Platform is null && request.Origin is null && request.Files is null)
        {
            return ("tree", "a subscription needs at least one of tree, path, platform, origin or files");
        }

        if (request.Branch is not null && request.Tree is null)
        {
            return ("branch", "needs a tree");
        }

        foreach (var (field, value) in new[] { ("tree", request.Tree), ("branch", request.Branch), ("platform", request.Platform), ("origin", request.Origin) })
        {
            if (value is not null && (value.Length is 0 or > 200 || value.Any(char.IsControl)))
            {
                return (field, "must be 1 to 200 printable characters");
            }
        }

        if (request.Path is not null && Patterns.PathError(request.Path) is { } pathError)
        {
            return ("path", $"malformed pattern '{request.Path}': {pathError}");
        }

        if (request.Files is not null && Patterns.FilesError(request.Files) is { } filesError)
        {
            return ("files", $"malformed pattern '{request.Files}': {filesError}");
        }

        if (request.Delivery is not (null or "immediate" or "daily"))
        {
            return ("delivery", "must be immediate or daily");
        }

        if (request.Always is { } always && always.ValueKind is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
            or System.Text.Json.JsonValueKind.Null))
        {
            return ("always", "must be true or false");
        }

        // Checkout summaries are per tree (and branch): without one, `always` would ask for every checkout of every tree.
        if (request.AlwaysValue && request.Tree is null)
        {
            return ("always", "needs a tree (checkout summaries are per tree and branch)");
        }

        if (request.Tree is not null && trees is not null)
        {
            if (!trees.TryGetValue(request.Tree, out var branches))
            {
                return ("tree", $"unknown tree '{request.Tree}' (no results for it in the last year)");
            }

            if (request.Branch is not null && !branches.Contains(request.Branch))
            {
                return ("branch", $"unknown branch '{request.Branch}' of {request.Tree}");
            }
        }

        return null;
    }

    // A bare address, as a subscription names one: no display name, no group, one '@' with something on both sides.
    private static bool IsPlainAddress(string text)
    {
        if (text.Length > 254 || text.Any(char.IsWhiteSpace) || !MailboxAddress.TryParse(text, out var mailbox) || mailbox is null || mailbox.Name is { Length: > 0 }
            || mailbox.Address != text)
        {
            return false;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == text.LastIndexOf('@') && at < text.Length - 1;
    }
}
