namespace LlmErs.Generators.Templates;

/// <summary>What a template value is, as far as rendering it goes.</summary>
internal enum ShapeKind
{
    /// <summary>The <c>null</c> literal.</summary>
    Null,
    String,
    Char,
    Bool,
    Number,
    Enum,

    /// <summary>A user-defined class or struct whose members the template may read.</summary>
    Object,

    /// <summary>Anything enumerable; <see cref="ValueShape.Element"/> says what it holds.</summary>
    Collection,

    /// <summary>A type LlmErs cannot render exactly (DateTime, Guid, vectors, dictionaries…): only its null-ness is usable.</summary>
    Opaque,
}

internal enum NumberKind
{
    None,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
}

/// <summary>How a value can be null at run time, which decides how generated code reaches into it.</summary>
internal enum Nullness
{
    /// <summary>A non-nullable value type: never null.</summary>
    Never,

    /// <summary><see cref="System.Nullable{T}"/>: read through <c>.Value</c> once checked.</summary>
    NullableValue,

    /// <summary>A reference type: may be null whatever its annotation says.</summary>
    Reference,
}

/// <summary>The static shape of a template value: enough to emit exact rendering code without any symbol.</summary>
internal sealed record ValueShape(ShapeKind Kind, Nullness Nullness, NumberKind Number = NumberKind.None, ValueShape? Element = null)
{
    public static readonly ValueShape NullLiteral = new(ShapeKind.Null, Nullness.Reference);
    public static readonly ValueShape Text = new(ShapeKind.String, Nullness.Reference);
    public static readonly ValueShape Boolean = new(ShapeKind.Bool, Nullness.Never);
    public static readonly ValueShape Int32 = new(ShapeKind.Number, Nullness.Never, NumberKind.Int32);

    public bool CanBeNull => Nullness != Nullness.Never;

    /// <summary>True for values Scriban writes through its plain scalar formatting (and so LlmErs can too).</summary>
    public bool IsScalar => Kind is ShapeKind.String or ShapeKind.Char or ShapeKind.Bool or ShapeKind.Number or ShapeKind.Enum;

    public ValueShape AsNullable() =>
        Nullness == Nullness.Never ? this with { Nullness = Nullness.NullableValue } : this;
}
