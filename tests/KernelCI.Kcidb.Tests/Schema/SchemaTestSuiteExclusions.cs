namespace KernelCI.Kcidb.Tests.Schema;

/// <summary>
/// Suite cases the KCIDB validator is not held to, each with its reason (case "*": the whole group). Two kinds: a group
/// whose schema needs a keyword or reference the KCIDB schemas never use (the compiler refuses those rather than
/// ignore them), and a format case where upstream's checker gives the other verdict: kcidb validates with
/// python-jsonschema's draft 7 format checker (kernelci/kcidb-io:kcidb_io/schema/abstract.py), and a submission upstream
/// accepts must be accepted here, so those cases keep upstream's verdict (docs/kcidb.md, "Schema validation").
/// </summary>
internal static class SchemaTestSuiteExclusions
{
    private const string PatternProperties = "patternProperties, which the KCIDB schemas do not use";
    private const string AllOf = "allOf, which the KCIDB schemas do not use";
    private const string TupleItems = "items as an array of schemas (and additionalItems): the KCIDB schemas give items one schema";
    private const string Identifiers = "$id base URIs, anchors or remote references: the KCIDB schemas refer only within themselves, by JSON pointer";
    private const string Conditionals = "$id and if/then/else, which the KCIDB schemas do not use";
    private const string Recursive = "a recursive schema: the KCIDB schemas have none, and the compiler refuses one (it compiles each reference once, ahead of validation)";
    private const string Metaschema = "a remote reference to the draft 7 metaschema, which the KCIDB schemas do not make";
    private const string Email = "python-jsonschema's email check only asks for an \"@\" (python-jsonschema:jsonschema/_format.py, is_email), so upstream accepts it";
    private const string LeapSecond = "rfc3339-validator, python-jsonschema's date-time checker, allows seconds 00-59 only, so upstream refuses a leap second";
    private const string TrailingNewline = "rfc3339-validator's pattern ends in Python's `$`, which also matches before a final newline, so upstream accepts it";
    private const string Ipv4Zero = "rfc3987, python-jsonschema's uri checker, accepts a leading zero in an embedded IPv4 address";

    private static readonly Dictionary<(string File, string Group, string Case), string> Excluded = new()
    {
        [("properties.json", "properties, patternProperties, additionalProperties interaction", "*")] = PatternProperties,
        [("additionalProperties.json", "additionalProperties being false does not allow other properties", "*")] = PatternProperties,
        [("additionalProperties.json", "non-ASCII pattern with additionalProperties", "*")] = PatternProperties,
        [("additionalProperties.json", "additionalProperties does not look in applicators", "*")] = AllOf,
        [("items.json", "an array of schemas for items", "*")] = TupleItems,
        [("items.json", "items with boolean schemas", "*")] = TupleItems,
        [("items.json", "items and subitems", "*")] = TupleItems,
        [("items.json", "array-form items with null instance elements", "*")] = TupleItems,
        [("ref.json", "relative pointer ref to array", "*")] = TupleItems,
        [("ref.json", "nested refs", "*")] = AllOf,
        [("ref.json", "$ref to boolean schema true", "*")] = AllOf,
        [("ref.json", "$ref to boolean schema false", "*")] = AllOf,
        [("ref.json", "empty tokens in $ref json-pointer", "*")] = AllOf,
        [("ref.json", "root pointer ref", "*")] = Recursive,
        [("ref.json", "$ref prevents a sibling $id from changing the base uri", "*")] = Identifiers,
        [("ref.json", "remote ref, containing refs itself", "*")] = Identifiers,
        [("ref.json", "Recursive references between schemas", "*")] = Identifiers,
        [("ref.json", "Location-independent identifier", "*")] = Identifiers,
        [("ref.json", "Reference an anchor with a non-relative URI", "*")] = Identifiers,
        [("ref.json", "Location-independent identifier with base URI change in subschema", "*")] = Identifiers,
        [("ref.json", "refs with relative uris and defs", "*")] = Identifiers,
        [("ref.json", "relative refs with absolute uris and defs", "*")] = Identifiers,
        [("ref.json", "$id must be resolved against nearest parent, not just immediate parent", "*")] = Identifiers,
        [("ref.json", "simple URN base URI with $ref via the URN", "*")] = Identifiers,
        [("ref.json", "URN base URI with URN and JSON pointer ref", "*")] = Identifiers,
        [("ref.json", "URN base URI with URN and anchor ref", "*")] = Identifiers,
        [("ref.json", "ref with absolute-path-reference", "*")] = Identifiers,
        [("ref.json", "$id with file URI still resolves pointers - *nix", "*")] = Identifiers,
        [("ref.json", "$id with file URI still resolves pointers - windows", "*")] = Identifiers,
        [("ref.json", "ref to if", "*")] = Conditionals,
        [("ref.json", "ref to then", "*")] = Conditionals,
        [("ref.json", "ref to else", "*")] = Conditionals,
        [("definitions.json", "validate definition against metaschema", "*")] = Metaschema,
        [("optional/format/email.json", "validation of e-mail addresses", "dot before local part is not valid")] = Email,
        [("optional/format/email.json", "validation of e-mail addresses", "dot after local part is not valid")] = Email,
        [("optional/format/email.json", "validation of e-mail addresses", "two subsequent dots inside local part are not valid")] = Email,
        [("optional/format/email.json", "validation of e-mail addresses", "two email addresses is not valid")] = Email,
        [("optional/format/email.json", "validation of e-mail addresses", "full \"From\" header is invalid")] = Email,
        [("optional/format/email.json", "validation of e-mail addresses", "local part is required")] = Email,
        [("optional/format/email.json", "validation of e-mail addresses", "domain is required")] = Email,
        [("optional/format/email.json", "validation of e-mail addresses", "unquoted space in local part is invalid")] = Email,
        [("optional/format/date-time.json", "validation of date-time strings", "a valid date-time with a leap second, UTC")] = LeapSecond,
        [("optional/format/date-time.json", "validation of date-time strings", "a valid date-time with a leap second, with minus offset")] = LeapSecond,
        [("optional/format/date-time.json", "validation of date-time strings", "a trailing newline is invalid")] = TrailingNewline,
        [("optional/format/uri.json", "validation of URIs", "leading zero in an embedded IPv4 address is invalid")] = Ipv4Zero,
    };

    public static IEnumerable<(string File, string Group, string Case)> All => Excluded.Keys;

    public static string? Reason(string file, string group, string testCase) =>
        Excluded.GetValueOrDefault((file, group, testCase)) ?? Excluded.GetValueOrDefault((file, group, "*"));
}
