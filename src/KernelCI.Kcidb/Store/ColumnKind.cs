namespace KernelCI.Kcidb.Store;

/// <summary>How a column is stored: decides the conversion from JSON, the COPY type and the way back to JSON.</summary>
internal enum ColumnKind
{
    Text,
    Bool,
    Float,
    Integer,
    Timestamp,
    Json,
    TextArray,

    /// <summary>A TEXT value stored in a PostgreSQL enum type (STATUS, UNIT_PREFIX).</summary>
    EnumText,
}
