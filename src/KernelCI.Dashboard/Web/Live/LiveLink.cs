namespace KernelCI.Dashboard.Web.Live;

/// <summary>What a tree page gives its script to follow results live: the stream's URL, the <see cref="LiveCounts.Id"/>
/// the page was rendered at (so results that land between the page and the stream are not missed), and whether the
/// stream's counts may replace the tabs' (not when `filter_*` narrows them: the aggregates count everything).</summary>
public sealed record LiveLink(string Url, string Since, bool UpdatesCounts);
