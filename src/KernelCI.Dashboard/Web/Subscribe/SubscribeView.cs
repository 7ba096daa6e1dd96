namespace KernelCI.Dashboard.Web.Subscribe;

/// <summary>The subscribe page: the form's values; after a refusal the API's message by the field it names
/// (<paramref name="FieldErrors"/>) or above the form (<paramref name="Problem"/>); after a success the new
/// subscription (<paramref name="Created"/>).</summary>
public sealed record SubscribeView(
    SubscribeForm Form,
    IReadOnlyDictionary<string, string> FieldErrors,
    string? Problem = null,
    CreatedSubscription? Created = null)
{
    public static readonly SubscribeView Blank = new(SubscribeForm.Empty, new Dictionary<string, string>());

    public string? ErrorOf(string field) => FieldErrors.GetValueOrDefault(field);
}
