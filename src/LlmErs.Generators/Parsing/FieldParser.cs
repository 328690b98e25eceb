using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LlmErs.Generators.Diagnostics;
using LlmErs.Generators.Model;
using LlmErs.Generators.Shared;
using LlmErs.Generators.Templates;
using Microsoft.CodeAnalysis;

namespace LlmErs.Generators.Parsing;

/// <summary>A checked field before dependency ordering: its spec and the members of the item it reads.</summary>
internal sealed record ParsedField(FieldSpec Spec, EquatableArray<string> Reads);

/// <summary>Checks one derived property and its attribute, and builds its <see cref="FieldSpec"/>.</summary>
internal sealed class FieldParser(INamedTypeSymbol owner, Compilation compilation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
{
    private readonly ImageMemberParser _images = new(owner, compilation, diagnostics);

    private static readonly Dictionary<string, FieldKindSpec> Kinds = new()
    {
        [KnownNames.LlmText] = FieldKindSpec.Text,
        [KnownNames.LlmTags] = FieldKindSpec.Tags,
        [KnownNames.LlmValue] = FieldKindSpec.Value,
        [KnownNames.LlmNormalize] = FieldKindSpec.Normalized,
        [KnownNames.LlmCorrect] = FieldKindSpec.Correction,
        [KnownNames.LlmTriples] = FieldKindSpec.Triples,
        [KnownNames.Embedding] = FieldKindSpec.Embedding,
        [KnownNames.SemanticIdAttribute] = FieldKindSpec.SemanticId,
    };

    /// <summary>Builds the field; null when it has errors (which are recorded).</summary>
    public ParsedField? Parse(IPropertySymbol property, PropertySpec propertySpec, AttributeData attribute, string attributeName)
    {
        var kind = Kinds[attributeName];
        var reader = new AttributeReader(attribute);
        var shortName = KnownNames.ShortName(attributeName);
        var before = diagnostics.Count;

        // An unknown type or an argument the compiler rejects is the compiler's error to report: a check here would
        // read a fallback value and contradict the source ("Dimensions = 0" for Dimensions = "384").
        if (property.Type.TypeKind == TypeKind.Error || reader.IsMalformed)
        {
            return null;
        }

        if (!TypeShapes.Fits(kind, property.Type))
        {
            Report(DiagnosticDescriptors.UnsupportedPropertyType, PropertyLocation(property),
                property.Name, property.Type.ToDisplayString(), shortName, TypeShapes.Expected(kind));
            return null;
        }

        var options = ReadOptions(kind, property, reader, shortName);
        if (kind == FieldKindSpec.SemanticId)
        {
            return diagnostics.Count > before ? null : SemanticIdField(propertySpec, options);
        }

        // [LlmCorrect(source, template)] is the one kind whose template is not the first argument.
        var templateArgument = kind == FieldKindSpec.Correction ? 1 : 0;
        var templateText = reader.ConstructorString(templateArgument);
        if (kind == FieldKindSpec.Embedding && (reader.Has("Images") || templateText is null or ""))
        {
            return ImageEmbeddingField(property, propertySpec, reader, shortName, templateText, options, before);
        }

        if (templateText is null)
        {
            return null;
        }

        var compiled = TemplateCompiler.Compile(templateText, owner, property.Name);
        var locator = TemplateLocator.For(reader.ConstructorArgumentSyntax(templateArgument));
        foreach (var error in compiled.Errors)
        {
            diagnostics.Add(new DiagnosticInfo(error.Descriptor, locator.Locate(error.Start, error.Length) ?? AttributeLocation(reader), error.MessageArgs));
        }

        if (diagnostics.Count > before || compiled.Spec is null)
        {
            return null;
        }

        if (kind != FieldKindSpec.Embedding)
        {
            options = new WordRulesParser(reader, shortName, property.Name, diagnostics).Read(options);
            options = options with { Images = _images.Read(reader, property, shortName) };
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        var instructions = kind == FieldKindSpec.Embedding ? null : reader.String("Instructions");
        var description = kind == FieldKindSpec.Embedding ? null : reader.String("Description");
        var schema = kind == FieldKindSpec.Embedding ? null : JsonSchemaBuilder.Build(kind, options, description);
        var fingerprint = Fingerprint.Compute(kind, templateText, schema, instructions, description, options);
        var spec = new FieldSpec(propertySpec, kind, compiled.Spec, schema, fingerprint, EquatableArray<string>.Empty, instructions, description, options);
        // A correction reads its given triples besides the template's members, so a derived source is enriched first.
        var reads = kind == FieldKindSpec.Triples && options.Source is { } given
            ? compiled.RootMembers.Concat(new[] { given }).Distinct().ToEquatableArray()
            : compiled.RootMembers;
        return new ParsedField(spec, reads);
    }

    /// <summary>An [Embedding] of the item's image: Images names the member, and there is no template.</summary>
    private ParsedField? ImageEmbeddingField(
        IPropertySymbol property, PropertySpec propertySpec, AttributeReader reader, string shortName, string? templateText, FieldOptions options, int before)
    {
        if (!reader.Has("Images"))
        {
            InvalidOption(reader, null, shortName, property, "it has neither a template nor Images; give the template of the text to embed, or Images = nameof(...) of the member whose image to embed");
            return null;
        }

        if (templateText is { Length: > 0 })
        {
            InvalidOption(reader, "Images", shortName, property, "it has both a template and Images; an embedding encodes either a text or an image, so remove one");
            return null;
        }

        options = options with { Images = _images.Read(reader, property, shortName) };
        if (diagnostics.Count > before || options.Images is null)
        {
            return null;
        }

        var fingerprint = Fingerprint.Compute(FieldKindSpec.Embedding, "", null, null, null, options);
        var spec = new FieldSpec(propertySpec, FieldKindSpec.Embedding, null, null, fingerprint, EquatableArray<string>.Empty, null, null, options);
        return new ParsedField(spec, EquatableArray<string>.Empty);
    }

    private ParsedField SemanticIdField(PropertySpec propertySpec, FieldOptions options)
    {
        var fingerprint = Fingerprint.Compute(FieldKindSpec.SemanticId, "", null, null, null, options);
        var spec = new FieldSpec(propertySpec, FieldKindSpec.SemanticId, null, null, fingerprint, EquatableArray<string>.Empty, null, null, options);
        return new ParsedField(spec, new[] { options.Source! }.ToEquatableArray());
    }

    private FieldOptions ReadOptions(FieldKindSpec kind, IPropertySymbol property, AttributeReader reader, string shortName)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (kind)
        {
            case FieldKindSpec.Text:
                var maxWords = reader.Int("MaxWords", 50);
                if (maxWords < 1)
                {
                    InvalidOption(reader, "MaxWords", shortName, property, $"MaxWords is {maxWords}; it must be at least 1");
                }

                return new FieldOptions(MaxWords: maxWords);

            case FieldKindSpec.Tags:
                var tags = ReadVocabulary(reader, shortName, property);
                var min = reader.Int("Min", 0);
                var max = reader.Int("Max", 0);
                var effectiveMax = max == 0 ? tags.Count : max;
                if (min < 0 || max < 0 || min > effectiveMax || (tags.Count > 0 && min > tags.Count))
                {
                    InvalidOption(reader, "Min", shortName, property,
                        $"Min = {min} and Max = {max} do not describe a possible count of tags from a vocabulary of {tags.Count}; use 0 <= Min <= Max (Max = 0 means up to the vocabulary size)");
                }

                return new FieldOptions(Vocabulary: tags, MinCount: min, MaxCount: Math.Min(effectiveMax, tags.Count));

            case FieldKindSpec.Normalized:
                return new FieldOptions(
                    Vocabulary: ReadVocabulary(reader, shortName, property),
                    ValueKind: ValueKind.String,
                    Nullable: property.Type.NullableAnnotation == NullableAnnotation.Annotated);

            case FieldKindSpec.Value:
                return ReadValueOptions(property, reader, shortName);

            case FieldKindSpec.Correction:
                return ReadCorrectionOptions(property, reader);

            case FieldKindSpec.Triples:
                return new TriplesParser(owner, property, reader, diagnostics).Read();

            case FieldKindSpec.Embedding:
                var dimensions = reader.Int("Dimensions", 0);
                if (dimensions is < 1 or > 65536)
                {
                    Report(DiagnosticDescriptors.BadEmbeddingDimensions, Locate(reader, "Dimensions"), property.Name, dimensions.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                return new FieldOptions(Dimensions: dimensions);

            default:
                return ReadSemanticIdOptions(property, reader, shortName);
        }
    }

    private FieldOptions ReadValueOptions(IPropertySymbol property, AttributeReader reader, string shortName)
    {
        var valueKind = TypeShapes.ValueKindOf(property.Type, out var nullable);
        var minimum = reader.Double("Minimum", double.NaN);
        var maximum = reader.Double("Maximum", double.NaN);
        var numeric = valueKind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double;
        if (!numeric && (!double.IsNaN(minimum) || !double.IsNaN(maximum)))
        {
            InvalidOption(reader, double.IsNaN(minimum) ? "Maximum" : "Minimum", shortName, property,
                "Minimum and Maximum apply only to int, long and double slots; remove them");
        }
        else if (BoundProblem(reader, "Minimum", minimum, valueKind) is { } problem)
        {
            InvalidOption(reader, "Minimum", shortName, property, problem);
        }
        else if (BoundProblem(reader, "Maximum", maximum, valueKind) is { } maximumProblem)
        {
            InvalidOption(reader, "Maximum", shortName, property, maximumProblem);
        }
        else if (minimum > maximum)
        {
            InvalidOption(reader, "Minimum", shortName, property, $"Minimum ({minimum}) is greater than Maximum ({maximum})");
        }

        string[] names = [];
        string? enumType = null;
        if (valueKind == ValueKind.Enum)
        {
            var symbol = TypeShapes.EnumOf(property.Type)!;
            enumType = symbol.ToDisplayString(TypeShapes.FullyQualified);
            names = TypeShapes.EnumMemberNames(symbol);
            if (names.Length == 0)
            {
                InvalidOption(reader, null, shortName, property, $"the enum '{symbol.Name}' has no members for the model to choose from");
            }
        }

        return new FieldOptions(Vocabulary: names.ToEquatableArray(), ValueKind: valueKind, Nullable: nullable,
            Minimum: numeric ? minimum : double.NaN, Maximum: numeric ? maximum : double.NaN, EnumType: enumType);
    }

    /// <summary>
    /// A bound must be a finite number the slot's type can hold: an int bound of 1e300 would clamp to int.MaxValue
    /// and reject every answer, and an infinite one has no JSON form.
    /// </summary>
    private static string? BoundProblem(AttributeReader reader, string option, double bound, ValueKind kind)
    {
        var (low, high, type) = kind switch
        {
            ValueKind.Int32 => ((double)int.MinValue, (double)int.MaxValue, "int"),
            ValueKind.Int64 => ((double)long.MinValue, 9.2233720368547748E18, "long"),
            _ => (-double.MaxValue, double.MaxValue, "double"),
        };
        return !reader.Has(option) || (bound >= low && bound <= high)
            ? null
            : $"{option} is {Invariant(bound)}, which is not a finite {type}; use a value from {Invariant(low)} to {Invariant(high)}";

        static string Invariant(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }

    private FieldOptions ReadCorrectionOptions(IPropertySymbol property, AttributeReader reader)
    {
        var source = reader.ConstructorString(0) ?? "";
        var member = owner.GetMembers(source).FirstOrDefault(m => m is IPropertySymbol or IFieldSymbol);
        var type = (member as IPropertySymbol)?.Type ?? (member as IFieldSymbol)?.Type;
        if (type?.SpecialType != SpecialType.System_String)
        {
            var found = member is null ? "no such member" : $"a member of type '{type?.ToDisplayString()}'";
            Report(DiagnosticDescriptors.BadCorrectionSource, LocationInfo.From(reader.ConstructorArgumentSyntax(0)) ?? AttributeLocation(reader),
                property.Name, source, owner.Name, found);
        }

        return new FieldOptions(Source: source, ValueKind: ValueKind.String, Nullable: true);
    }

    private FieldOptions ReadSemanticIdOptions(IPropertySymbol property, AttributeReader reader, string shortName)
    {
        var source = reader.ConstructorString(0) ?? "";
        // 0 (the attribute's default) leaves the choice to the runtime, which sizes the codebook from the catalog.
        var levels = reader.Int("Levels", 0);
        var codes = reader.Int("Codes", 0);
        var target = owner.GetMembers(source).OfType<IPropertySymbol>().FirstOrDefault();
        var isEmbedding = target is not null && target.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.Embedding);
        if (!isEmbedding)
        {
            Report(DiagnosticDescriptors.BadSemanticIdSource, LocationInfo.From(reader.ConstructorArgumentSyntax(0)) ?? AttributeLocation(reader),
                property.Name, source, owner.Name);
        }

        if (levels is < 0 or > 16)
        {
            InvalidOption(reader, "Levels", shortName, property, $"Levels is {levels}; use 1 to 16, or leave it out to size it from the catalog");
        }

        if (codes is 1 or < 0 or > 65536)
        {
            InvalidOption(reader, "Codes", shortName, property, $"Codes is {codes}; use 2 to 65536, or leave it out to size it from the catalog");
        }

        return new FieldOptions(Source: source, Levels: levels, Codes: codes);
    }

    private EquatableArray<string> ReadVocabulary(AttributeReader reader, string shortName, IPropertySymbol property)
    {
        var vocabulary = reader.Strings("Vocabulary");
        if (vocabulary.Count == 0)
        {
            Report(DiagnosticDescriptors.EmptyVocabulary, Locate(reader, "Vocabulary"), shortName, property.Name);
            return EquatableArray<string>.Empty;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            var entry = vocabulary[i];
            var location = LocationInfo.From(reader.ElementSyntax("Vocabulary", i)) ?? Locate(reader, "Vocabulary");
            if (entry is null || entry.Trim().Length == 0)
            {
                Report(DiagnosticDescriptors.InvalidFieldOption, location, shortName, property.Name, $"a Vocabulary entry is {(entry is null ? "null" : "blank")}; every entry must have visible text");
            }
            else if (!seen.Add(entry.Trim()))
            {
                Report(DiagnosticDescriptors.DuplicateVocabularyEntry, location, property.Name, entry);
            }
        }

        return vocabulary.Select(v => v ?? "").ToEquatableArray();
    }

    private void InvalidOption(AttributeReader reader, string? option, string shortName, IPropertySymbol property, string problem) =>
        Report(DiagnosticDescriptors.InvalidFieldOption, option is null ? AttributeLocation(reader) : Locate(reader, option), shortName, property.Name, problem);

    private static LocationInfo? Locate(AttributeReader reader, string option) =>
        LocationInfo.From(reader.NamedArgumentSyntax(option)?.Parent) ?? AttributeLocation(reader);

    private static LocationInfo? AttributeLocation(AttributeReader reader) => LocationInfo.From(reader.Syntax);

    private static LocationInfo? PropertyLocation(IPropertySymbol property) => LocationInfo.From(property.Locations.FirstOrDefault());

    private void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
        diagnostics.Add(DiagnosticInfo.Create(descriptor, location, args));
}
